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

// Store keeps social areas, processes, phases and documents: rows, queries, and database errors
// translated into this package's errors; no rule (the Service checks before it writes). Called
// with a context from kernel.Transactor.InTx, every method takes part in that transaction.
type Store interface {
	Areas(ctx context.Context, districtKey string) ([]SocialArea, error)
	Area(ctx context.Context, id int64) (SocialArea, error)
	// AreaByCode finds the district's area with the code (ErrAreaNotFound).
	AreaByCode(ctx context.Context, districtKey, code string) (SocialArea, error)
	// Ancestors returns the ids of the area's parent, its parent's parent and so on, nearest first.
	Ancestors(ctx context.Context, id int64) ([]int64, error)
	// AreaUses counts the area's sub-areas and the processes that name it.
	AreaUses(ctx context.Context, id int64) (children, processes int64, err error)
	// CountAreas counts how many of ids are areas of the district.
	CountAreas(ctx context.Context, districtKey string, ids []int64) (int64, error)
	// InsertArea stores a new area and returns it with its id; a code the district already has
	// is ErrConflict (the unique index decides).
	InsertArea(ctx context.Context, a SocialArea) (SocialArea, error)
	// SaveArea writes every field of the area but its district.
	SaveArea(ctx context.Context, a SocialArea) error
	DeleteArea(ctx context.Context, id int64) error

	// Processes lists a page of processes, running ones first, and the cursor of the next page.
	Processes(ctx context.Context, q ProcessQuery) ([]Process, string, error)
	// Process returns a process with its phases, areas and documents.
	Process(ctx context.Context, id int64) (Process, error)
	// ProcessHead returns a process without phases, areas and documents: enough to decide who
	// may see it.
	ProcessHead(ctx context.Context, id int64) (Process, error)
	// InsertProcess stores a new process with its areas and phases and returns it as Process does.
	InsertProcess(ctx context.Context, p Process) (Process, error)
	// SaveProcess writes the process's fields and status and replaces its areas and phases.
	SaveProcess(ctx context.Context, p Process) error

	InsertDocument(ctx context.Context, d Document) (Document, error)
	Document(ctx context.Context, processID, documentID int64) (Document, error)
	// DeleteDocument removes the document's row and returns it (ErrDocumentNotFound).
	DeleteDocument(ctx context.Context, processID, documentID int64) (Document, error)
}
