package httpapi

import (
	"errors"
	"net/http"

	"github.com/teilhabe/teilhabe/domain/district"
)

// domainErrors maps the domain's sentinel errors to statuses and stable codes. Each context adds
// its rows here; the codes are part of the API and never change.
var domainErrors = []struct {
	err    error
	status int
	code   string
}{
	{district.ErrNotFound, http.StatusNotFound, "district_not_found"},
	{district.ErrInvalidKey, http.StatusBadRequest, "invalid_district_key"},
}

func domainProblem(err error) *Problem {
	for _, m := range domainErrors {
		if errors.Is(err, m.err) {
			return NewProblem(m.status, m.code, err.Error())
		}
	}
	return nil
}
