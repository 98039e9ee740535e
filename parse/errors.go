package parse

import (
	"errors"
	"fmt"
)

// Errors that the readers return, wrapped with context; test them with
// errors.Is.
var (
	// ErrEmpty means the input holds nothing but white space.
	ErrEmpty = errors.New("empty input")
	// ErrNotHTML means the input is not an HTML page or fragment.
	ErrNotHTML = errors.New("not HTML")
	// ErrNoContent means the page holds no notice: a list page, an error
	// page, a page of navigation only.
	ErrNoContent = errors.New("no notice in the page")
	// ErrTooLarge means the input, or a part of it, is over a limit set
	// with an Option. The error is a *LimitError.
	ErrTooLarge = errors.New("input over limit")
)

// LimitError reports input over one of the reader's limits.
type LimitError struct {
	// Limit names the limit: "bytes", "depth", "blocks", "paragraph" or
	// "formatting".
	Limit string
	// Max is the limit's value.
	Max int64
	// Where places the input that went over, such as "byte 16777217".
	Where string
}

func (e *LimitError) Error() string {
	s := fmt.Sprintf("parse: input over the %s limit of %d", e.Limit, e.Max)
	if e.Where != "" {
		s += " at " + e.Where
	}
	return s
}

// Unwrap returns ErrTooLarge.
func (e *LimitError) Unwrap() error { return ErrTooLarge }

// CanceledError reports a read stopped because its context was done. It
// unwraps to the context's error (context.Canceled or
// context.DeadlineExceeded).
type CanceledError struct {
	// Where names the step the reader had reached, such as "decoding".
	Where string
	// Err is the context's error.
	Err error
}

func (e *CanceledError) Error() string {
	return "parse: stopped while " + e.Where + ": " + e.Err.Error()
}

// Unwrap returns the context's error.
func (e *CanceledError) Unwrap() error { return e.Err }
