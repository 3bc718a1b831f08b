package workbook

// Japanese messages of the consolidated workbook, in one place so that they
// can be read and reviewed together.
const (
	// msgSheet: excelize refused what the writer gave it for a sheet. No
	// department's input may cause it (the writer keeps every value
	// within Excel's limits), so it is shinchoku's fault, said as such.
	msgSheet = "シート「%s」が Excel の形式の制限を超えました。shinchoku の不具合です。この表示を開発元に伝えてください"
	// msgPackage: the same for what belongs to no sheet (styles, document
	// properties, the file put together in memory).
	msgPackage = "集計表が Excel の形式の制限を超えました。shinchoku の不具合です。この表示を開発元に伝えてください"
)
