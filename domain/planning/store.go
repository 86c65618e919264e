package planning

import "context"

// ProcessQuery selects processes of a district for a list.
type ProcessQuery struct {
	DistrictKey   string
	Field         Field  // "": any
	Status        Status // "": any visible
	IncludeDrafts bool   // only for the district's coordinators and admins
	Cursor        string // from the previous page
	Limit         int
}

// Store keeps social areas, processes, phases and documents. Every change is written to the audit
// log in the same transaction with actorID as the actor.
type Store interface {
	Areas(ctx context.Context, districtKey string) ([]SocialArea, error)
	Area(ctx context.Context, id int64) (SocialArea, error)
	// CreateArea checks the area, its parent and that it lies in its district.
	CreateArea(ctx context.Context, actorID int64, a SocialArea) (SocialArea, error)
	UpdateArea(ctx context.Context, actorID, id int64, update func(*SocialArea) error) (SocialArea, error)
	// DeleteArea refuses (ErrConflict) while the area has sub-areas or a process names it.
	DeleteArea(ctx context.Context, actorID, id int64) error
	// ApplyImport applies planned changes all or nothing and returns them with their ids.
	ApplyImport(ctx context.Context, actorID int64, districtKey string, changes []ImportChange) ([]ImportChange, error)

	// Processes lists a page of processes, running ones first, and the cursor of the next page.
	Processes(ctx context.Context, q ProcessQuery) ([]Process, string, error)
	Process(ctx context.Context, id int64) (Process, error)
	// ProcessHead returns a process without phases, areas and documents: enough to decide who
	// may see it.
	ProcessHead(ctx context.Context, id int64) (Process, error)
	CreateProcess(ctx context.Context, actorID int64, p Process) (Process, error)
	// UpdateProcess reads the process, lets update change it (fields, areas, phases, status) and
	// writes it back in one transaction, after checking it.
	UpdateProcess(ctx context.Context, actorID, id int64, action string, update func(*Process) error) (Process, error)

	AddDocument(ctx context.Context, actorID int64, d Document) (Document, error)
	Document(ctx context.Context, processID, documentID int64) (Document, error)
	DeleteDocument(ctx context.Context, actorID, processID, documentID int64) (Document, error)
}
