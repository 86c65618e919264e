package devidp

// DemoUsers returns teilhabe's demo users: clearly made-up people (".invalid" mail domain,
// "Beispiel" organisations) covering each role the application distinguishes. A fresh slice is
// returned on every call so callers may modify it.
func DemoUsers() []User {
	const domain = "@demo.teilhabe.invalid"
	return []User{
		{
			Subject: "demo-admin", Name: "Anna Admin", Email: "anna.admin" + domain,
			Groups: []string{"teilhabe-admin"}, Audience: "staff",
			Description: "Plattform-Administration",
		},
		{
			Subject: "demo-koordination-erfurt", Name: "Karl Koordinator", Email: "karl.koordinator" + domain,
			Groups: []string{"koordination-16051"}, Audience: "staff",
			Description: "Planungskoordination Erfurt (16051)",
		},
		{
			Subject: "demo-koordination-jena", Name: "Jana Jenaer", Email: "jana.jenaer" + domain,
			Groups: []string{"koordination-16053"}, Audience: "staff",
			Description: "Planungskoordination Jena (16053)",
		},
		{
			Subject: "demo-traeger-diakonie", Name: "Dora Diakonie", Email: "dora.diakonie" + domain,
			Groups:   []string{"org:diakonie-erfurt", "traegerleitung:diakonie-erfurt"},
			Audience: "provider", Description: "Träger: Diakonie Erfurt (Beispiel), Leitung",
		},
		{
			Subject: "demo-traeger-awo", Name: "Arne Awo", Email: "arne.awo" + domain,
			Groups: []string{"org:awo-erfurt"}, Audience: "provider",
			Description: "Träger: AWO Erfurt (Beispiel)",
		},
		{
			Subject: "demo-traeger-awo-leitung", Name: "Agnes Awo", Email: "agnes.awo" + domain,
			Groups:   []string{"org:awo-erfurt", "traegerleitung:awo-erfurt"},
			Audience: "provider", Description: "Träger: AWO Erfurt (Beispiel), Leitung",
		},
		{
			Subject: "demo-buergerin", Name: "Rita Rathaus", Email: "rita.rathaus" + domain,
			Groups: []string{}, Audience: "resident",
			Description: "Bürgerin aus Erfurt",
		},
	}
}
