package watch

import (
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
)

// networkFS names the kind of network folder dir is — a UNC path
// (\\server\share) or a drive letter mapped to one — or "" when it is local.
// ReadDirectoryChangesW does report changes on SMB shares, but not from
// every server (NAS boxes, DFS) and not after a reconnect; polling is what
// works on all of them.
func networkFS(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	vol := filepath.VolumeName(abs)
	if strings.HasPrefix(vol, `\\`) {
		return "UNC パス " + vol
	}
	root, err := windows.UTF16PtrFromString(vol + `\`)
	if err != nil {
		return ""
	}
	if windows.GetDriveType(root) == windows.DRIVE_REMOTE {
		return "ネットワークドライブ " + vol
	}
	return ""
}
