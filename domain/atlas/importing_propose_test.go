package atlas_test

import (
	"reflect"
	"testing"

	"github.com/teilhabe/teilhabe/domain/atlas"
)

func TestNormaliseHeader(t *testing.T) {
	for in, want := range map[string]string{
		"\ufeffKreisschlüssel": "kreisschluessel", "Kreis-Name": "kreis_name", " Gebiets stand ": "gebiets_stand",
		"ZÄHLER": "zaehler", "Stra\u00dfe": "strasse", "Zahlerin": "zahlerin", "Zu\u0308hler": "zuehler",
		"arbeitslose_2021": "arbeitslose_2021", "a . b": "a_b", "Größe (m²)": "groesse_(m²)",
	} {
		if got := atlas.NormaliseHeader(in); got != want {
			t.Errorf("NormaliseHeader(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestProposeMapping(t *testing.T) {
	k := known()
	A, N, Y, D, I, V := atlas.RoleArea, atlas.RoleName, atlas.RoleYear, atlas.RoleDate, atlas.RoleIndicator, atlas.RoleValue
	Z, NN, B, X := atlas.RoleNumerator, atlas.RoleDenominator, atlas.RoleBoundary, atlas.RoleIgnore
	cases := []struct {
		header []string
		want   atlas.Mapping
	}{
		{[]string{"Kreisschlüssel", "Gebietsname", "Jahr", "Stichtag", "Merkmal", "Wert", "Zähler", "Nenner", "Gebietsstand", "Bemerkung"},
			atlas.Mapping{Format: atlas.FormatLong, Columns: roles(A, N, Y, D, I, V, Z, NN, B, X)}},
		{[]string{"KEY", "Name", "Year", "Date", "Indicator", "Value", "Numerator", "Denominator", "Boundary"},
			atlas.Mapping{Format: atlas.FormatLong, Columns: roles(A, N, Y, D, I, V, Z, NN, B)}},
		// a second column of a role is not a second area
		{[]string{"AGS", "Schlüssel", "wert"}, atlas.Mapping{Format: atlas.FormatLong, Columns: roles(A, X, V)}},
		{[]string{"Sozialraum", "Name", "2019", "2020", "Summe"},
			atlas.Mapping{Format: atlas.FormatWide, Wide: atlas.WideYears, Columns: roles(A, N, V, V, X),
				ColumnKeys: []string{"", "", "", "", ""}, ColumnYears: []int{0, 0, 2019, 2020, 0}}},
		{[]string{"Code", "Quote", "Arbeitslose", "1850"},
			atlas.Mapping{Format: atlas.FormatWide, Wide: atlas.WideIndicators, Columns: roles(A, V, V, X),
				ColumnKeys: []string{"", "quote", "arbeitslose", ""}, ColumnYears: []int{0, 0, 0, 0}}},
		{[]string{"gebiet", "quote_2020", "arbeitslose_2020", "fremd_2020", "quote_3000"},
			atlas.Mapping{Format: atlas.FormatWide, Wide: atlas.WideIndicators, Year: 2020, Columns: roles(A, V, V, X, X),
				ColumnKeys: []string{"", "quote", "arbeitslose", "", ""}, ColumnYears: []int{0, 2020, 2020, 0, 0}}},
		{[]string{"gebiet", "jahr", "quote_2020", "arbeitslose_2021"},
			atlas.Mapping{Format: atlas.FormatWide, Wide: atlas.WideIndicators, Columns: roles(A, Y, V, V),
				ColumnKeys: []string{"", "", "quote", "arbeitslose"}, ColumnYears: []int{0, 0, 2020, 2021}}},
		{[]string{"was", "anderes"}, atlas.Mapping{Format: atlas.FormatLong, Columns: roles(X, X)}},
	}
	for _, c := range cases {
		if got := atlas.ProposeMapping(c.header, k); !reflect.DeepEqual(got, c.want) {
			t.Errorf("ProposeMapping(%q)\n= %+v\nwant %+v", c.header, got, c.want)
		}
	}
}
