package api

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/labstack/echo/v4"
)

//go:embed openapi.yaml
var openAPIYAML []byte

var (
	specOnce sync.Once
	specJSON []byte
	specErr  error
)

// Spec returns the API's OpenAPI 3 description, parsed and validated.
func Spec() (*openapi3.T, error) {
	doc, err := openapi3.NewLoader().LoadFromData(openAPIYAML)
	if err != nil {
		return nil, fmt.Errorf("load openapi.yaml: %w", err)
	}
	return doc, nil
}

func (s *Server) openAPI(c echo.Context) error {
	specOnce.Do(func() {
		doc, err := Spec()
		if err != nil {
			specErr = err
			return
		}
		specJSON, specErr = json.Marshal(doc)
	})
	if specErr != nil {
		return specErr
	}
	return c.JSONBlob(http.StatusOK, specJSON)
}
