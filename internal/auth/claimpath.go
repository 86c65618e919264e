package auth

import (
	"errors"
	"strings"
)

// ClaimPath names a claim inside the verified claims: its segments are object keys from the top,
// so "realm_access.roles" is Keycloak's realm roles and "resource_access.teilhabe.roles" a
// client's roles. A backslash escapes the next character, so "https://example\.org/roles" is one
// top-level claim whose name holds dots (and "\\" is a backslash).
type ClaimPath []string

// ParseClaimPath reads a roles_claim. Every segment must be non-empty, and a backslash must
// escape something.
func ParseClaimPath(s string) (ClaimPath, error) {
	if s == "" {
		return nil, errors.New("the claim path is empty")
	}
	var out ClaimPath
	var seg strings.Builder
	escaped := false
	for _, r := range s {
		switch {
		case escaped:
			seg.WriteRune(r)
			escaped = false
		case r == '\\':
			escaped = true
		case r == '.':
			if seg.Len() == 0 {
				return nil, errors.New("the claim path has an empty part (two dots, or a dot at an end; escape a dot in a name as \\.)")
			}
			out = append(out, seg.String())
			seg.Reset()
		default:
			seg.WriteRune(r)
		}
	}
	if escaped {
		return nil, errors.New("the claim path ends with a lone backslash")
	}
	if seg.Len() == 0 {
		return nil, errors.New("the claim path has an empty part (two dots, or a dot at an end; escape a dot in a name as \\.)")
	}
	return append(out, seg.String()), nil
}

// lookup follows the path through nested objects; ok is false when a part is missing or not an
// object.
func (p ClaimPath) lookup(claims map[string]any) (any, bool) {
	var cur any = claims
	for _, key := range p {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = m[key]; !ok {
			return nil, false
		}
	}
	return cur, true
}
