package atlas

import (
	"fmt"
	"regexp"
	"slices"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

var keyPattern = regexp.MustCompile(`^[a-z0-9_]{2,64}$`)

// ValidKey reports whether s can be an indicator's key.
func ValidKey(s string) bool { return keyPattern.MatchString(s) }

// Validate checks an indicator on its own; that its numerator and denominator exist is the
// service's to check.
func (in *Indicator) Validate() error {
	in.NameDE, in.NameEN = kernel.CleanName(in.NameDE), kernel.CleanName(in.NameEN)
	if in.MinCount == 0 {
		in.MinCount = DefaultMinCount
	}
	if len(in.Levels) == 0 {
		in.Levels = []Level{LevelLand, LevelDistrict}
	}
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w indicator: "+format, append([]any{ErrInvalid}, a...)...)
	}
	switch {
	case !ValidKey(in.Key):
		return bad("key %q must be 2 to 64 of a-z, 0-9 and _", in.Key)
	case in.NameDE == "" || in.NameEN == "" || kernel.Chars(in.NameDE) > kernel.MaxName || kernel.Chars(in.NameEN) > kernel.MaxName:
		return bad("German and English names must have 1 to 200 characters")
	case kernel.Chars(in.DefinitionDE) > kernel.MaxDescription || kernel.Chars(in.DefinitionEN) > kernel.MaxDescription:
		return bad("definitions must have at most 2,000 characters")
	case !slices.Contains(Lebenslagen, in.Lebenslage):
		return bad("Lebenslage %q is unknown", in.Lebenslage)
	case !slices.Contains([]Kind{KindCount, KindShare, KindRate, KindMean, KindIndex}, in.Kind):
		return bad("kind %q is not count, share, rate, mean or index", in.Kind)
	case !slices.Contains([]Direction{HigherBetter, HigherWorse, Neutral}, in.Direction):
		return bad("direction %q is not higher_better, higher_worse or neutral", in.Direction)
	case in.Kind == KindRate && in.RatePer <= 0:
		return bad("a rate needs rate_per, e.g. 1000")
	case (in.Kind == KindShare || in.Kind == KindRate) && (in.Numerator == "") != (in.Denominator == ""):
		return bad("a share or rate names both numerator and denominator, or neither")
	case in.Numerator != "" && (!ValidKey(in.Numerator) || !ValidKey(in.Denominator) || in.Numerator == in.Key || in.Denominator == in.Key):
		return bad("numerator and denominator must be other indicators' keys")
	case in.MinCount < 0 || in.MinCount > 1000:
		return bad("min_count must be 0 to 1000")
	case in.PlausibleMin != nil && in.PlausibleMax != nil && *in.PlausibleMin > *in.PlausibleMax:
		return bad("plausible_min must not exceed plausible_max")
	case kernel.Chars(in.Unit) > MaxUnit || kernel.Chars(in.Source) > MaxSource || kernel.Chars(in.Licence) > MaxLicence ||
		kernel.Chars(in.ReferenceDate) > MaxShort || kernel.Chars(in.BoundaryVersion) > MaxShort:
		return bad("unit, source, licence, reference date or boundary version too long")
	}
	for _, l := range in.Levels {
		if !slices.Contains([]Level{LevelLand, LevelDistrict, LevelArea}, l) {
			return bad("level %q is not land, district or area", l)
		}
	}
	return nil
}

// Publishes reports whether the indicator is published for the level.
func (in Indicator) Publishes(l Level) bool { return slices.Contains(in.Levels, l) }
