"""Tools around the course, not part of a build: the benchmark, the local gzip server, the spelling
check, mutation testing and the scripts that install system tools and LMS schemas."""
