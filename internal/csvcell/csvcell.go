// Package csvcell keeps a spreadsheet from running what people wrote as a formula (CSV
// injection): the consultation export and the workshop's raw data share it.
package csvcell

// Safe prefixes a cell that a spreadsheet would read as a formula (=, +, -, @, or a tab or
// carriage return before one) with a single quote, which makes it text.
func Safe(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') {
		return "'" + s
	}
	return s
}
