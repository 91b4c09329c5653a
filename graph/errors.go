package graph

import (
	"errors"
	"fmt"
)

// Error codes: the one vocabulary of failures. The HTTP layer maps each to a
// status in exactly one place (api/errors.go).
const (
	EINVALID      = "invalid"           // malformed or unacceptable input
	ENOTFOUND     = "not_found"         // unknown id
	ECONFLICT     = "conflict"          // the request contradicts the current state
	ETOOLARGE     = "too_large"         // a size limit was exceeded
	EUNSUPPORTED  = "unsupported_media" // wrong content type
	EUNAUTHORIZED = "unauthorized"      // no or bad credentials
	EFORBIDDEN    = "forbidden"         // credentials lack the right
	ERATELIMIT    = "rate_limited"      // too many requests
	EUNAVAILABLE  = "unavailable"       // shutting down or not ready
	EINTERNAL     = "internal"          // a real fault
)

// Error is a domain error: a code from the list above and a message fit to
// show to the caller. Other errors are internal faults; their text is logged,
// not shown.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string {
	return fmt.Sprintf("claimgraph error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, "" for nil
// and EINTERNAL for any other error.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the first *Error in err's chain, or a
// generic message for internal faults.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
