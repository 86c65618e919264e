package realtime

// Internals the external tests reach: the parsers of outside input for the fuzz tests.
var (
	ParseNotification  = parseNotification
	ParseChange        = parseChange
	EncodeChange       = encodeChange
	EncodeNotification = encodeNotification
	ValidAudience      = validAudience
	ParseClientMessage = func(b []byte) (string, error) {
		m, err := parseClientMessage(b)
		return m.Type, err
	}
)
