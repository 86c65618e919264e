package kernel

import "unicode/utf8"

// Text limits, in characters (not bytes), of what people write. They live here once: the domain
// checks them, GET /api/v1/limits serves them to the frontend (which hard-codes none, tested),
// and a test holds api/openapi.yaml's maxLength values to them.
const (
	MaxName        = 200   // names and titles: organisations, areas, processes, phases, consultations, sections, documents
	MaxCode        = 50    // a social area's own code
	MaxDescription = 2000  // descriptions of organisations and areas
	MaxSummary     = 5000  // a process's summary
	MaxOffice      = 300   // a process's responsible office
	MaxIntro       = 10000 // a consultation's introduction
	MaxSectionBody = 50000 // one section of a plan document
	MaxComment     = 5000  // a comment and an official response
	MaxReason      = 500   // reasons of flags and moderation decisions
	MaxSearch      = 200   // a search query
	MaxEmail       = 320   // an e-mail address (RFC 5321's 64 + @ + 255)
)

// Chars counts characters as people (and JSON Schema's maxLength) do: code points, not bytes.
func Chars(s string) int { return utf8.RuneCountInString(s) }
