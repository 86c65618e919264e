package identity

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// OrgKind tells administrations, welfare organisations (Träger) and umbrella associations apart.
type OrgKind string

// Kinds of organisation.
const (
	OrgAdministration OrgKind = "administration"
	OrgProvider       OrgKind = "provider"
	OrgUmbrella       OrgKind = "umbrella"
)

var slugPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{1,62}$`)

// ValidSlug reports whether s can name an organisation in URLs and claims.
func ValidSlug(s string) bool { return slugPattern.MatchString(s) }

// Organisation is an administration, a Träger or an umbrella association.
type Organisation struct {
	ID          int64
	Slug        string
	Name        string
	Kind        OrgKind
	Description string
	DistrictKey string // optional: where it mainly works
}

// Validate checks an organisation before it is stored.
func (o *Organisation) Validate() error {
	o.Name = kernel.CleanName(o.Name)
	switch {
	case !ValidSlug(o.Slug):
		return fmt.Errorf("%w organisation: slug %q must be 2 to 63 of a-z, 0-9 and -", ErrInvalid, o.Slug)
	case o.Name == "" || kernel.Chars(o.Name) > kernel.MaxName:
		return fmt.Errorf("%w organisation: name must have 1 to 200 characters", ErrInvalid)
	case o.Kind != OrgAdministration && o.Kind != OrgProvider && o.Kind != OrgUmbrella:
		return fmt.Errorf("%w organisation: unknown kind %q", ErrInvalid, o.Kind)
	case kernel.Chars(o.Description) > kernel.MaxDescription:
		return fmt.Errorf("%w organisation: description longer than 2000 characters", ErrInvalid)
	case o.DistrictKey != "" && !districtKey.MatchString(o.DistrictKey):
		return fmt.Errorf("%w organisation: district key %q", ErrInvalid, o.DistrictKey)
	}
	return nil
}

// NameFromSlug makes a provisional name for an organisation first seen in a login claim, until an
// admin or the organisation's provider admin gives it its real name.
func NameFromSlug(slug string) string {
	words := strings.Split(slug, "-")
	for i, w := range words {
		if w != "" {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}
