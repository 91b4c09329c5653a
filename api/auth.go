package api

import (
	"bufio"
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/labstack/echo/v4"
)

// Roles a token can have. A write token can also read.
const (
	RoleRead  = "read"
	RoleWrite = "write"
)

// Token is one credential: the name recorded as the author of every
// change made with it, its role, and its secret.
type Token struct {
	Name   string
	Role   string
	Secret string
}

// minSecretLen is the shortest secret accepted: shorter ones are guessable.
const minSecretLen = 16

// Auth is the API's access control. Writes (POST, PUT, PATCH, DELETE) need
// a write token; reads need a read or write token once any read token is
// configured, and are open otherwise. With no write token configured,
// every write is refused with a message saying how to configure one.
// Health checks (/healthz, /readyz), the OpenAPI description and the
// viewer's static files stay open; they hold no evidence.
//
// Secrets are kept only as SHA-256 digests and compared in constant time
// against every configured token, so neither timing nor an early exit
// tells a caller how close a guess was.
type Auth struct {
	tokens    []authToken
	readOpen  bool
	anyWriter bool
}

type authToken struct {
	name   string
	role   string
	digest [sha256.Size]byte
}

// NewAuth checks tokens and returns the access control they define: names
// are non-empty words without spaces and unique, roles are read or write,
// secrets are at least 16 bytes without spaces and unique.
func NewAuth(tokens []Token) (*Auth, error) {
	a := &Auth{readOpen: true}
	names := map[string]bool{}
	secrets := map[[sha256.Size]byte]bool{}
	for i, t := range tokens {
		switch {
		case t.Name == "" || strings.ContainsAny(t.Name, " \t\r\n"):
			return nil, graph.Errorf(graph.EINVALID, "token %d: a name is one word", i+1)
		case t.Role != RoleRead && t.Role != RoleWrite:
			return nil, graph.Errorf(graph.EINVALID, "token %q: role must be read or write, not %q", t.Name, t.Role)
		case len(t.Secret) < minSecretLen:
			return nil, graph.Errorf(graph.EINVALID, "token %q: the secret is shorter than %d bytes", t.Name, minSecretLen)
		case strings.ContainsAny(t.Secret, " \t\r\n"):
			return nil, graph.Errorf(graph.EINVALID, "token %q: the secret contains white space", t.Name)
		case names[t.Name]:
			return nil, graph.Errorf(graph.EINVALID, "token name %q is used twice", t.Name)
		}
		d := sha256.Sum256([]byte(t.Secret))
		if secrets[d] {
			return nil, graph.Errorf(graph.EINVALID, "token %q has the same secret as another token", t.Name)
		}
		names[t.Name], secrets[d] = true, true
		a.tokens = append(a.tokens, authToken{name: t.Name, role: t.Role, digest: d})
		if t.Role == RoleRead {
			a.readOpen = false
		} else {
			a.anyWriter = true
		}
	}
	return a, nil
}

// ReadOpen reports whether reads need no token (always, for a nil Auth).
func (a *Auth) ReadOpen() bool { return a == nil || a.readOpen }

// Writable reports whether writes can be made: some token may write, or
// there is no access control (a nil Auth).
func (a *Auth) Writable() bool { return a == nil || a.anyWriter }

// ParseTokens reads a token file: one token a line as "name role secret",
// blank lines and lines starting with # ignored. Error messages name the
// line, never its secret.
func ParseTokens(r io.Reader) ([]Token, error) {
	var out []Token
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 3 {
			return nil, graph.Errorf(graph.EINVALID, "line %d: want \"name role token\", found %d fields", n, len(f))
		}
		out = append(out, Token{Name: f[0], Role: f[1], Secret: f[2]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read tokens: line %d: %w", n+1, err)
	}
	return out, nil
}

// ReadTokenFile reads a token file (see ParseTokens). It refuses a file
// that other users can read or write.
func ReadTokenFile(path string) ([]Token, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("token file: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("token file %s: %w", path, err)
	}
	if st.Mode().Perm()&0o007 != 0 {
		return nil, graph.Errorf(graph.EINVALID, "token file %s can be read by other users (mode %04o): chmod 600 it", path, st.Mode().Perm())
	}
	ts, err := ParseTokens(f)
	if err != nil {
		return nil, fmt.Errorf("token file %s: %w", path, err)
	}
	return ts, nil
}

// lookup returns the token whose secret is presented, or nil. Every
// configured token is compared, whatever matched before.
func (a *Auth) lookup(secret string) *authToken {
	d := sha256.Sum256([]byte(secret))
	var found *authToken
	for i := range a.tokens {
		if subtle.ConstantTimeCompare(d[:], a.tokens[i].digest[:]) == 1 {
			found = &a.tokens[i]
		}
	}
	return found
}

// isWrite reports whether a method changes the graph.
func isWrite(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return false
	}
	return true
}

// openPath reports whether a path needs no token whatever the
// configuration: health checks, the API description and the viewer's
// static files.
func openPath(p string) bool {
	switch p {
	case "/healthz", "/readyz", "/openapi.json", "/":
		return true
	}
	return strings.HasPrefix(p, "/viewer/")
}

// bearer returns the token of an "Authorization: Bearer TOKEN" header.
func bearer(h string) (string, bool) {
	const prefix = "bearer "
	if len(h) <= len(prefix) || !strings.EqualFold(h[:len(prefix)], prefix) {
		return "", false
	}
	t := strings.TrimSpace(h[len(prefix):])
	return t, t != ""
}

// middleware enforces the access control and sets the "actor" every
// change is recorded under: the name of the token that made it.
func (a *Auth) middleware(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		write := isWrite(req.Method)
		if !write && (req.Method == http.MethodOptions || openPath(req.URL.Path)) {
			return next(c)
		}
		if write && !a.anyWriter {
			return unauthorized(c, "writes are disabled: no write token is configured; start claimgraph serve with CLAIMGRAPH_WRITE_TOKEN set, or --token-file")
		}
		h := req.Header.Get(echo.HeaderAuthorization)
		if h == "" {
			if !write && a.readOpen {
				return next(c)
			}
			what := "reading"
			if write {
				what = "this change"
			}
			return unauthorized(c, what+" needs a token: send the header Authorization: Bearer TOKEN")
		}
		secret, ok := bearer(h)
		if !ok {
			return unauthorized(c, "the Authorization header must be \"Bearer TOKEN\"")
		}
		t := a.lookup(secret)
		if t == nil {
			return unauthorized(c, "the token is not valid")
		}
		if write && t.role != RoleWrite {
			return graph.Errorf(graph.EFORBIDDEN, "token %q may only read; this change needs a write token", t.name)
		}
		c.Set("actor", t.name)
		return next(c)
	}
}

func unauthorized(c echo.Context, msg string) error {
	c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="claimgraph"`)
	return graph.Errorf(graph.EUNAUTHORIZED, "%s", msg)
}
