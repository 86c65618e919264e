package realtime

// Internals the external tests reach: the gorm row types for the schema check and the parsers of
// outside input for the fuzz tests.
var (
	RowTypes           = []any{&eventRow{}, &sequenceRow{}}
	ParseNotification  = parseNotification
	EncodeNotification = encodeNotification
	ParseClientMessage = func(b []byte) (string, error) {
		m, err := parseClientMessage(b)
		return m.Type, err
	}
)
