package atlas

// Lengths of the atlas's texts; the contract's maxLength values are held to them by a test.
const (
	MaxKey       = 64  // an indicator's key
	MaxAreaKey   = 80  // an area key: district key, colon, and a social area's code
	MaxUnit      = 80  // an indicator's unit
	MaxShort     = 40  // a reference date (Stichtag) or boundary version (Gebietsstand)
	MaxSource    = 500 // an indicator's source
	MaxLicence   = 200 // an indicator's licence
	MaxKeyList   = 400 // a comma-separated list of indicator keys in a query
	MaxAreaList  = 5   // areas of one profile or comparison
	MaxSeriesSet = 6   // areas of one time series chart
)
