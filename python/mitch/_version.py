"""The package version.  Its major number must equal the loaded library's."""

__version__ = "1.1.0"
# The library major version (mitch_get_version_number() >> 16) this package
# speaks; a library of another major has another ABI.
LIBRARY_MAJOR = 1
