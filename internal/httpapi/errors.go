package httpapi

import (
	"errors"
	"net/http"

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/district"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/planning"
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
	{identity.ErrUserNotFound, http.StatusNotFound, "user_not_found"},
	{identity.ErrOrganisationNotFound, http.StatusNotFound, "organisation_not_found"},
	{identity.ErrOrganisationExists, http.StatusConflict, "organisation_exists"},
	{identity.ErrMemberNotFound, http.StatusNotFound, "member_not_found"},
	{identity.ErrRoleNotFound, http.StatusNotFound, "role_not_found"},
	{identity.ErrRoleFromClaims, http.StatusConflict, "role_from_identity_provider"},
	{identity.ErrInvalid, http.StatusUnprocessableEntity, "validation_failed"},
	{planning.ErrAreaNotFound, http.StatusNotFound, "social_area_not_found"},
	{planning.ErrProcessNotFound, http.StatusNotFound, "process_not_found"},
	{planning.ErrDocumentNotFound, http.StatusNotFound, "document_not_found"},
	{planning.ErrBadTransition, http.StatusConflict, "status_change_not_allowed"},
	{planning.ErrConflict, http.StatusConflict, "conflict"},
	{planning.ErrInvalid, http.StatusUnprocessableEntity, "validation_failed"},
	{consultation.ErrNotFound, http.StatusNotFound, "consultation_not_found"},
	{consultation.ErrCommentNotFound, http.StatusNotFound, "comment_not_found"},
	{consultation.ErrClosed, http.StatusConflict, "consultation_closed"},
	{consultation.ErrNotInAudience, http.StatusForbidden, "not_in_audience"},
	{consultation.ErrEditWindow, http.StatusConflict, "edit_window_over"},
	{consultation.ErrNotAuthor, http.StatusForbidden, "not_author"},
	{consultation.ErrAlreadyDone, http.StatusConflict, "already_done"},
	{consultation.ErrOwnComment, http.StatusConflict, "own_comment"},
	{consultation.ErrInvalid, http.StatusUnprocessableEntity, "validation_failed"},
}

func domainProblem(err error) *Problem {
	for _, m := range domainErrors {
		if errors.Is(err, m.err) {
			return NewProblem(m.status, m.code, err.Error())
		}
	}
	return nil
}
