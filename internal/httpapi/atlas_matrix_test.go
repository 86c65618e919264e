package httpapi_test

import "fmt"

// The atlas's rows of the authorisation matrix: reading is for everyone; changes need the
// scope's role (admins for the Land, a district's coordinators for their district).
func init() { matrixRows = append(matrixRows, atlasMatrixRows...) }

func indicatorJSON(key, district string) string {
	d := ""
	if district != "" {
		d = `,"district_key":"` + district + `"`
	}
	return fmt.Sprintf(`{"key":%q,"name_de":"Test","name_en":"Test","lebenslage":"wohnen","kind":"count","direction":"neutral"%s}`, key, d)
}

// boundaryFrom gives each role its own later date, so the roles that may add a version each can.
var boundaryFrom = map[string]string{"coordinator_16051": "2022-01-01", "admin": "2023-01-01"}

var atlasMatrixRows = []matrixRow{
	{op: "GET /atlas/catalogue", path: fixed("/api/v1/atlas/catalogue"), want: public(200)},
	{op: "POST /atlas/indicators", path: fixed("/api/v1/atlas/indicators"),
		body: func(_ *matrixEnv, role string) string { return indicatorJSON("land_"+role, "") }, want: adminOnly(201)},
	{op: "POST /atlas/indicators", path: fixed("/api/v1/atlas/indicators"),
		body: func(_ *matrixEnv, role string) string { return indicatorJSON("erfurt_"+role, "16051") }, want: coordinatorsOfErfurt(201)},
	{op: "GET /atlas/indicators/{indicatorKey}", path: fixed("/api/v1/atlas/indicators/arbeitslose"), want: public(200)},
	{op: "GET /atlas/map", path: fixed("/api/v1/atlas/map?indicator=arbeitslose&year=2020"), want: public(200)},
	{op: "GET /atlas/geometry", path: fixed("/api/v1/atlas/geometry?level=area&district=16051"), want: public(200)},
	{op: "GET /atlas/series", path: fixed("/api/v1/atlas/series?indicator=arbeitslose&areas=16051,16"), want: public(200)},
	{op: "GET /atlas/profile", path: fixed("/api/v1/atlas/profile?areas=16051"), want: public(200)},
	{op: "GET /atlas/profile/report", path: fixed("/api/v1/atlas/profile/report?area=16051&format=pdf"), want: public(200)},
	{op: "GET /atlas/profile/report", path: fixed("/api/v1/atlas/profile/report?area=16053&format=xlsx"), want: public(200)},
	{op: "GET /atlas/values/{indicatorKey}/{areaKey}/{year}", path: fixed("/api/v1/atlas/values/arbeitslose/16051/2021"), want: public(200)},
	{op: "GET /atlas/overview", path: fixed("/api/v1/atlas/overview?indicators=arbeitslose,schuldnerquote"), want: adminOnly(200)},
	{op: "GET /atlas/open-data", path: fixed("/api/v1/atlas/open-data"), want: public(200)},
	{op: "GET /atlas/geojson", path: fixed("/api/v1/atlas/geojson?indicator=arbeitslose&year=2021"), want: public(200)},
	{op: "POST /atlas/boundaries", path: fixed("/api/v1/atlas/boundaries"),
		body: func(_ *matrixEnv, role string) string {
			from, ok := boundaryFrom[role]
			if !ok {
				from = "2030-01-01"
			}
			return `{"area":"16051","version":"` + from + `","valid_from":"` + from + `","geometry":{"type":"Polygon","coordinates":[[[11.02,50.97],[11.04,50.97],[11.04,50.99],[11.02,50.99],[11.02,50.97]]]}}`
		}, want: coordinatorsOfErfurt(201)},
	// Coordinators read their districts' lines; the resident coordinates 16055 by now (an earlier
	// row granted it).
	{op: "GET /atlas/suppressions", path: fixed("/api/v1/atlas/suppressions?indicator=arbeitslose"),
		want: expect(403, "anonymous", 401, "admin", 200, "coordinator_16051", 200, "coordinator_other", 200, "resident", 200)},
}
