package httpapi

import (
	"errors"
	"net/http"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/labstack/echo/v4"

	"github.com/teilhabe/teilhabe/api"
)

// apiPrefix is where the contract's paths are served (its servers entry).
const apiPrefix = "/api/v1"

// validateRequests checks every /api/v1 request against api/openapi.yaml before a handler sees
// it, so handlers can trust parameter formats and body shapes.
func validateRequests() (echo.MiddlewareFunc, error) {
	spec, err := api.GetSpec()
	if err != nil {
		return nil, err
	}
	spec.Servers = nil // match paths without the prefix, which the middleware strips
	router, err := gorillamux.NewRouter(spec)
	if err != nil {
		return nil, err
	}
	opts := &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, MultiError: false}
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			req := c.Request()
			if !strings.HasPrefix(req.URL.Path, apiPrefix+"/") {
				return next(c)
			}
			r := req.Clone(req.Context())
			r.URL.Path = strings.TrimPrefix(req.URL.Path, apiPrefix)
			r.URL.RawPath = ""
			route, params, err := router.FindRoute(r)
			if errors.Is(err, routers.ErrPathNotFound) || errors.Is(err, routers.ErrMethodNotAllowed) {
				return next(c) // echo answers 404 or 405 as a problem
			}
			if err != nil {
				return err
			}
			err = openapi3filter.ValidateRequest(req.Context(), &openapi3filter.RequestValidationInput{
				Request: r, PathParams: params, Route: route, Options: opts,
			})
			req.Body = r.Body // the validator read the body and left a fresh reader on the clone
			if err != nil {
				return NewProblem(http.StatusBadRequest, "invalid_request", validationDetail(err))
			}
			return next(c)
		}
	}, nil
}

func validationDetail(err error) string {
	var re *openapi3filter.RequestError
	if errors.As(err, &re) {
		var msg string
		if re.Parameter != nil {
			msg = "parameter " + re.Parameter.Name + " in " + re.Parameter.In + ": "
		} else if re.RequestBody != nil {
			msg = "request body: "
		}
		var se *openapi3.SchemaError
		if errors.As(re.Err, &se) {
			return msg + se.Reason
		}
		if re.Err != nil {
			return msg + re.Err.Error()
		}
		return msg + re.Reason
	}
	return err.Error()
}
