package watch

import "golang.org/x/sys/unix"

// networkMagic are the statfs(2) types of file systems on which inotify
// does not see changes made by other machines (or by the host, for the
// shares of a virtual machine and WSL's drives).
var networkMagic = map[int64]string{
	0xFF534D42: "CIFS/SMB",
	0xFE534D42: "SMB2",
	0x517B:     "SMB",
	0x6969:     "NFS",
	0x65735546: "FUSE",
	0x01021997: "9P",
	0x00C36400: "Ceph",
	0x5346414F: "AFS",
	0x6B414653: "AFS",
	0x564C:     "NCP",
	0x786F4256: "VirtualBox 共有フォルダ",
}

// networkFS names the network file system the folder is on, or "" when it
// is local (or cannot be told).
func networkFS(dir string) string {
	var st unix.Statfs_t
	if unix.Statfs(dir, &st) != nil {
		return ""
	}
	return networkMagic[int64(st.Type)&0xFFFFFFFF]
}
