package watch

import (
	"bytes"

	"golang.org/x/sys/unix"
)

var networkTypes = map[string]string{"smbfs": "SMB", "nfs": "NFS", "afpfs": "AFP", "webdav": "WebDAV", "cifs": "CIFS"}

// networkFS names the network file system the folder is on, or "".
func networkFS(dir string) string {
	var st unix.Statfs_t
	if unix.Statfs(dir, &st) != nil {
		return ""
	}
	name := string(bytes.TrimRight(st.Fstypename[:], "\x00"))
	return networkTypes[name]
}
