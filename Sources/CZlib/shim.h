// The system zlib, for gunzip of `Content-Encoding: gzip` request bodies (KontorServer).
#include <zlib.h>
