/*
 * output.c - where the mitch tool writes, so that it never destroys a
 * user's file and reports every failed write once.
 *
 * An output file is written aside, to a new temporary file in its own
 * directory, and renamed over the real name only when everything was
 * written: a refused input, a full disk or a crash leave the old file as it
 * was.  An output that is the input itself (by name, through a symbolic or
 * a hard link, or as standard input) is refused before anything is read.
 * Outputs that are not regular files (a FIFO, /dev/null, a terminal) are
 * written in place: renaming over them would replace the device.
 *
 * Standard output is checked once, by main() when the command is done
 * (cli_finish_stdout): the commands only stop early when it failed.  A
 * reader that went away (`mitch decode big | head`) ends the program
 * quietly, on every platform.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#ifdef _WIN32
#include <io.h>
#include <process.h>
#include <windows.h>
#else
#include <limits.h>
#include <poll.h>
#include <unistd.h>
#endif

#include "cli.h"

#ifndef O_BINARY
#define O_BINARY 0
#endif

int cli_reader_gone(int err) {
#ifdef _WIN32
  /* The C library reports a write to a closed pipe as EINVAL (or EPIPE);
     the system's own error says what happened. */
  DWORD last = GetLastError();
  return err == EPIPE || last == ERROR_NO_DATA || last == ERROR_BROKEN_PIPE ||
         last == ERROR_PIPE_NOT_CONNECTED; /* wine says this one */
#else
  return err == EPIPE;
#endif
}

/* Has the reader of a pipe gone?  Asked of the pipe itself, for when the
   errno of the failed write is long gone (stdio remembers only that a
   write failed). */
static int pipe_reader_closed(FILE *f) {
#ifdef _WIN32
  /* The write end of a pipe cannot be asked (PeekNamedPipe needs read
     access); the system's last error, kept from the failed write, says. */
  (void)f;
  return 0;
#else
  struct stat st;
  struct pollfd p;
  if (fstat(fileno(f), &st) != 0 || !(S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)))
    return 0;
  p.fd = fileno(f);
  p.events = POLLOUT;
  p.revents = 0;
  return poll(&p, 1, 0) == 1 && (p.revents & (POLLERR | POLLHUP)) != 0;
#endif
}

int cli_finish_stdout(const char *cmd, int status) {
  int err = errno; /* the command stops right after a failed write */
  errno = 0;
  if (fflush(stdout) == 0 && !ferror(stdout))
    return status;
  if (errno != 0)
    err = errno;
  if (!cli_reader_gone(err) && !pipe_reader_closed(stdout))
    cli_error(cmd, "write error: standard output: %s", err ? strerror(err) : "output error");
  return 1;
}

/* ---- the same file? ----------------------------------------------------------- */

#ifdef _WIN32
/* Volume and file index of an open handle: what names one file on NTFS,
   whatever the path, link or case that led to it. */
static int file_identity(HANDLE h, BY_HANDLE_FILE_INFORMATION *id) {
  return h != INVALID_HANDLE_VALUE && GetFileInformationByHandle(h, id);
}

static int same_file(FILE *input, const char *path) {
  BY_HANDLE_FILE_INFORMATION a, b;
  HANDLE h;
  int same;
  if (!file_identity((HANDLE)_get_osfhandle(_fileno(input)), &a))
    return 0;
  h = CreateFileA(path, 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                  OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
  if (h == INVALID_HANDLE_VALUE)
    return 0;
  same = file_identity(h, &b) && a.dwVolumeSerialNumber == b.dwVolumeSerialNumber &&
         a.nFileIndexHigh == b.nFileIndexHigh && a.nFileIndexLow == b.nFileIndexLow &&
         (a.nFileIndexHigh | a.nFileIndexLow) != 0;
  CloseHandle(h);
  return same;
}
#else
/* Device and inode: the file itself, through any symbolic or hard link. */
static int same_file(FILE *input, const char *path) {
  struct stat a, b;
  if (fstat(fileno(input), &a) != 0 || stat(path, &b) != 0)
    return 0;
  return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}
#endif

/* ---- write aside, rename on success -------------------------------------------- */

/* Open a new file beside `dest` (same directory, so the rename cannot cross
   file systems), with `mode`; NULL with errno set when it cannot. */
static FILE *open_aside(const char *dest, int mode, char **tmp_out) {
  size_t cap = strlen(dest) + 48;
  char *tmp = malloc(cap);
  unsigned attempt;
  if (!tmp)
    return NULL;
  for (attempt = 0; attempt < 100; attempt++) {
    int fd;
    FILE *f;
#ifdef _WIN32
    snprintf(tmp, cap, "%s.mitch-%d-%u.tmp", dest, _getpid(), attempt);
#else
    snprintf(tmp, cap, "%s.mitch-%ld-%u.tmp", dest, (long)getpid(), attempt);
#endif
    fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_BINARY, mode);
    if (fd < 0) {
      if (errno == EEXIST)
        continue;
      break;
    }
#ifndef _WIN32
    /* open() applied the umask; an existing file's own mode wins. */
    if (fchmod(fd, (mode_t)mode) != 0) {
      /* not fatal: the default mode is a safe one */
    }
#endif
    f = fdopen(fd, "wb");
    if (!f) {
      int err = errno;
      close(fd);
      remove(tmp);
      errno = err;
      break;
    }
    *tmp_out = tmp;
    return f;
  }
  free(tmp);
  return NULL;
}

static int replace_file(const char *tmp, const char *dest) {
#ifdef _WIN32
  if (MoveFileExA(tmp, dest, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
    return 0;
  errno = EACCES;
  return -1;
#else
  return rename(tmp, dest);
#endif
}

int cli_output_open(const char *cmd, const char *path, FILE *input, cli_output *o) {
  struct stat st;
  int mode = 0666;
  memset(o, 0, sizeof *o);
  o->path = path;
  if (!path || strcmp(path, "-") == 0) {
#ifdef _WIN32
    _setmode(_fileno(stdout), _O_BINARY);
#endif
    o->path = NULL;
    o->file = stdout;
    return 0;
  }
  if (input && same_file(input, path)) {
    cli_error(cmd, "%s: the output is the same file as the input; write to another file",
              path);
    return 1;
  }
#ifndef _WIN32
  /* Through a symbolic link: replace the file it names, keep the link. */
  {
    struct stat lst;
    if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
      char *target = realpath(path, NULL);
      if (target)
        o->dest = target;
    }
  }
#endif
  if (!o->dest) {
    o->dest = malloc(strlen(path) + 1);
    if (!o->dest) {
      cli_error(cmd, "out of memory");
      return 1;
    }
    strcpy(o->dest, path);
  }
  if (stat(o->dest, &st) == 0) {
    if (!S_ISREG(st.st_mode)) {
      /* A device, a FIFO: written in place (a directory fails here). */
      free(o->dest);
      o->dest = NULL;
      o->file = fopen(path, "wb");
      if (!o->file) {
        cli_error(cmd, "%s: %s", path, strerror(errno));
        return 1;
      }
      return 0;
    }
    mode = (int)(st.st_mode & 07777);
  } else if (errno != ENOENT) {
    cli_error(cmd, "%s: %s", path, strerror(errno));
    free(o->dest);
    o->dest = NULL;
    return 1;
  }
  o->file = open_aside(o->dest, mode, &o->tmp);
  if (!o->file) {
    cli_error(cmd, "%s: cannot create a file beside it: %s", path, strerror(errno));
    free(o->dest);
    o->dest = NULL;
    return 1;
  }
  return 0;
}

int cli_output_close(const char *cmd, cli_output *o, int success) {
  int status = 0, err;
  if (!o->file)
    return success ? 0 : 1;
  if (o->file == stdout) {
    o->file = NULL;
    return success ? 0 : 1; /* main() checks standard output */
  }
  errno = 0;
  if (fflush(o->file) != 0 || ferror(o->file)) {
    err = errno;
    if (!cli_reader_gone(err))
      cli_error(cmd, "write error: %s: %s", o->path, err ? strerror(err) : "output error");
    status = 1;
  }
#ifndef _WIN32
  /* The bytes on disk before the name points at them. */
  if (status == 0 && success && o->tmp && fsync(fileno(o->file)) != 0 && errno != EINVAL) {
    cli_error(cmd, "write error: %s: %s", o->path, strerror(errno));
    status = 1;
  }
#endif
  if (fclose(o->file) != 0 && status == 0) {
    err = errno;
    if (!cli_reader_gone(err))
      cli_error(cmd, "write error: %s: %s", o->path, strerror(err));
    status = 1;
  }
  o->file = NULL;
  if (o->tmp) {
    if (success && status == 0 && replace_file(o->tmp, o->dest) != 0) {
      cli_error(cmd, "%s: cannot replace it: %s", o->path, strerror(errno));
      status = 1;
    }
    if (!success || status != 0)
      remove(o->tmp);
    free(o->tmp);
    o->tmp = NULL;
  }
  free(o->dest);
  o->dest = NULL;
  return success ? status : 1;
}
