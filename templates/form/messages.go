package form

// Japanese messages of generating forms. The workbook's own wording (its
// headings, guide and input messages) stays beside the code that lays it out.
const msgNoProjects = "%s に割り当てられた事業がありません"
