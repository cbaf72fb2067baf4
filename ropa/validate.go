package ropa

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"

	"github.com/article30/article30/authority"
	"github.com/article30/article30/lawfulbasis"
)

// FieldError is one structural problem in a register, at a JSON field path
// such as "activities[3].purposes[0].basis".
type FieldError struct {
	Path  string // JSON field path
	Rule  string // the failed rule: "required", "email", "basis", ...
	Param string // the rule's parameter, e.g. "500" for max=500
	Value any    // the offending value
	// Detail explains a problem that is not a validator rule, such as a
	// scope naming a group the activity does not have ("reference").
	Detail string
}

// Error reads like "activities[3].purposes[0].description: required".
func (e *FieldError) Error() string { return e.Path + ": " + e.message() }

func (e *FieldError) message() string {
	if e.Detail != "" {
		return e.Detail
	}
	switch e.Rule {
	case "required":
		return "required"
	case "email":
		return fmt.Sprintf("%q is not an email address", e.Value)
	case "url":
		return fmt.Sprintf("%q is not a URL (include the scheme, e.g. https://)", e.Value)
	case "max":
		return "longer than " + e.Param + " characters"
	case "country":
		return fmt.Sprintf("%q is not an ISO 3166-1 alpha-2 country code (or EU, or an international organisation's short name such as EPO)", e.Value)
	case "regime", "basis", "annex1", "condition", "schedule1", "mechanism", "subject", "category":
		return fmt.Sprintf("%v is not a valid %s", e.Value, e.Rule)
	case "enum":
		return fmt.Sprintf("%q is not one of the accepted values", e.Value)
	}
	if e.Param != "" {
		return fmt.Sprintf("fails %s=%s", e.Rule, e.Param)
	}
	return "fails " + e.Rule
}

// ValidationErrors is the list of structural problems Validate finds. Use
// errors.As to get it, or to get one *FieldError.
type ValidationErrors []*FieldError

// Error lists the problems, one per line.
func (v ValidationErrors) Error() string {
	s := make([]string, len(v))
	for i, e := range v {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

// Unwrap returns the problems as errors, for errors.As and errors.Is.
func (v ValidationErrors) Unwrap() []error {
	out := make([]error, len(v))
	for i, e := range v {
		out[i] = e
	}
	return out
}

type valid interface{ Valid() bool }

var validate = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		return name
	})
	isValid := func(fl validator.FieldLevel) bool {
		x, ok := fl.Field().Interface().(valid)
		return ok && x.Valid()
	}
	for _, tag := range []string{"regime", "basis", "annex1", "condition", "schedule1", "mechanism", "subject", "category", "enum"} {
		if err := v.RegisterValidation(tag, isValid); err != nil {
			panic(err)
		}
	}
	if err := v.RegisterValidation("country", func(fl validator.FieldLevel) bool {
		return validCountry(fl.Field().String())
	}); err != nil {
		panic(err)
	}
	// A URL field takes only http, https and mailto addresses (checkURL).
	if err := v.RegisterValidation("url", func(fl validator.FieldLevel) bool {
		return checkURL(fl.Field().String()) == nil
	}); err != nil {
		panic(err)
	}
	return v
})

// validCountry accepts two upper-case letters (ISO 3166-1 alpha-2, checked
// for form), or the short name of an international organisation in the
// approval lists (e.g. EPO).
func validCountry(s string) bool {
	if len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' {
		return true
	}
	for _, a := range lawfulbasis.DefaultApprovals() {
		if a.Country == s && len(s) > 2 {
			return true
		}
	}
	return false
}

// Validate checks the register's structure: required fields, the form of
// email addresses, URLs and country codes, text lengths, and that every
// enumeration holds a known value. It returns nil or a [ValidationErrors]
// listing every problem with its JSON path. The compliance rules are
// [Check]'s job.
func (r *Register) Validate() error {
	if r == nil {
		return errors.New("ropa: nil register")
	}
	var out ValidationErrors
	if err := validate().Struct(r); err != nil {
		var ve validator.ValidationErrors
		if !errors.As(err, &ve) {
			return fmt.Errorf("ropa: validating register: %w", err)
		}
		for _, fe := range ve {
			ns := fe.Namespace()
			if i := strings.IndexByte(ns, '.'); i >= 0 {
				ns = ns[i+1:]
			}
			e := &FieldError{Path: ns, Rule: fe.Tag(), Param: fe.Param(), Value: fe.Value()}
			if s, ok := fe.Value().(string); ok && e.Rule == "url" {
				e.Detail = checkURL(s).Error()
			}
			out = append(out, e)
		}
	}
	out = append(out, textProblems(r)...)
	if c := r.Authority.Code; c != "" {
		if !authority.Known(c) {
			out = append(out, &FieldError{Path: "authority.code", Rule: "authority", Value: c,
				Detail: fmt.Sprintf("%q is not a known supervisory authority: write \"uk\" for the UK regulator or an EEA state's two-letter code (\"ie\", \"fr\"; see article30 schema), or leave code empty and give the authority's name and contact details", c)})
		}
	}
	for _, p := range scopeProblems(r) {
		out = append(out, &FieldError{Path: p.path, Rule: "reference", Detail: p.msg})
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
