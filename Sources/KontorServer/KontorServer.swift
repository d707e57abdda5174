// KontorServer
