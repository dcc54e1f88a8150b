/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-database-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "linli-database-file.h"

/* One per file open in this process, shared by every store that has it. */
typedef struct
{
  dev_t    dev;
  ino_t    ino;
  int      fd;
  guint    users;
  gboolean has_writer;   /* a store of this process holds the flock() */
} OpenFile;

struct _LinliDatabaseFile
{
  char     *path;
  OpenFile *file;
  gboolean  writer;
};

static GMutex open_files_lock;
static GPtrArray *open_files;   /* OpenFile */

static OpenFile *
find_open_file (dev_t dev,
                ino_t ino)
{
  for (guint i = 0; open_files != NULL && i < open_files->len; i++)
    {
      OpenFile *file = open_files->pdata[i];
      if (file->dev == dev && file->ino == ino)
        return file;
    }
  return NULL;
}

/**
 * linli_database_file_is_in_portal:
 *
 * Whether @path is reached through the document portal, which a Flatpak
 * gets for a file it may not otherwise see. There SQLite's locks are not
 * reliable (ENOSYS on older portals, held in the portal's own process on
 * newer ones), flock() is not there at all, and the -wal beside the file is
 * out of sight: a database written there can lose changes silently.
 */
gboolean
linli_database_file_is_in_portal (const char *path)
{
  g_autofree char *user_portal = g_build_filename (g_get_user_runtime_dir (), "doc", NULL);
  g_autofree char *user_prefix = g_strconcat (user_portal, "/", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf portal_st, dir_st;

  if (g_str_has_prefix (path, user_prefix) || g_str_has_prefix (path, "/run/flatpak/doc/"))
    return TRUE;
  /* Reached by another name: the portal is a file system of its own. */
  return g_stat (user_portal, &portal_st) == 0 && g_stat (dir, &dir_st) == 0 &&
         portal_st.st_dev == dir_st.st_dev && g_stat ("/", &dir_st) == 0 && dir_st.st_dev != portal_st.st_dev;
}

/**
 * linli_database_file_open:
 * @path: an existing file
 *
 * Returns: (transfer full): a handle on @path to keep until after SQLite has
 *   closed it, or %NULL with a %LINLI_STORE_ERROR_IO error
 */
LinliDatabaseFile *
linli_database_file_open (const char  *path,
                          GError     **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&open_files_lock);
  LinliDatabaseFile *self;
  OpenFile *file;
  struct stat st;

  g_return_val_if_fail (path != NULL, NULL);

  /* Looked up without a descriptor: opening and closing one here would be
   * the very close() that drops another store's locks. */
  if (g_stat (path, &st) != 0 || (file = find_open_file (st.st_dev, st.st_ino)) == NULL)
    {
      int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
      int saved_errno = errno;

      if (fd < 0 || fstat (fd, &st) != 0)
        {
          if (fd >= 0)
            {
              saved_errno = errno;
              close (fd);
            }
          g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO,
                       _("Cannot read “%s”: %s"), path, g_strerror (saved_errno));
          return NULL;
        }
      if (!S_ISREG (st.st_mode))
        {
          close (fd);
          g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO,
                       _("Cannot read “%s”: %s"), path, _("it is not a file"));
          return NULL;
        }
      file = g_new0 (OpenFile, 1);
      file->dev = st.st_dev;
      file->ino = st.st_ino;
      file->fd = fd;
      if (open_files == NULL)
        open_files = g_ptr_array_new ();
      g_ptr_array_add (open_files, file);
    }

  file->users++;
  self = g_new0 (LinliDatabaseFile, 1);
  self->path = g_strdup (path);
  self->file = file;
  return self;
}

/* Call only after SQLite has closed the file. */
void
linli_database_file_close (LinliDatabaseFile *self)
{
  g_autoptr(GMutexLocker) locker = NULL;

  if (self == NULL)
    return;

  locker = g_mutex_locker_new (&open_files_lock);
  if (self->writer)
    {
      flock (self->file->fd, LOCK_UN);
      self->file->has_writer = FALSE;
    }
  if (--self->file->users == 0)
    {
      close (self->file->fd);
      g_ptr_array_remove_fast (open_files, self->file);
      g_free (self->file);
    }
  g_free (self->path);
  g_free (self);
}

/* Reads the start of the file without a descriptor of its own. */
gboolean
linli_database_file_read_header (LinliDatabaseFile  *self,
                                 guint8             *header,
                                 gsize               size,
                                 gsize              *n_read,
                                 GError            **error)
{
  gsize done = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  while (done < size)
    {
      gssize n = pread (self->file->fd, header + done, size - done, (off_t) done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;
          g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO,
                       _("Cannot read “%s”: %s"), self->path, g_strerror (saved_errno));
          return FALSE;
        }
      if (n == 0)
        break;
      done += (gsize) n;
    }
  *n_read = done;
  return TRUE;
}

guint64
linli_database_file_get_size (LinliDatabaseFile *self)
{
  struct stat st;

  g_return_val_if_fail (self != NULL, 0);
  return fstat (self->file->fd, &st) == 0 ? (guint64) st.st_size : 0;
}

/**
 * linli_database_file_claim_writer:
 *
 * Becomes the one writer of the file, if this program may write it and no
 * other Linli — another store of this process, or another process — is
 * writing it.
 *
 * Returns: %LINLI_READ_ONLY_NO when this handle is now the writer, or why
 *   the file can only be read
 */
LinliReadOnlyReason
linli_database_file_claim_writer (LinliDatabaseFile *self)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (self != NULL, LINLI_READ_ONLY_ASKED);

  if (g_access (self->path, W_OK) != 0)
    return LINLI_READ_ONLY_FILE;
  /* SQLite writes its -wal and -shm files beside the database. */
  dir = g_path_get_dirname (self->path);
  if (g_access (dir, W_OK) != 0)
    return LINLI_READ_ONLY_FOLDER;

  locker = g_mutex_locker_new (&open_files_lock);
  if (self->file->has_writer)
    return LINLI_READ_ONLY_IN_USE;
  if (flock (self->file->fd, LOCK_EX | LOCK_NB) != 0)
    {
      if (errno == EWOULDBLOCK)
        return LINLI_READ_ONLY_IN_USE;
      /* A file system without flock() (some network shares): SQLite's own
       * locks are all there is. */
      g_warning ("Cannot lock “%s”: %s", self->path, g_strerror (errno));
    }
  self->file->has_writer = TRUE;
  self->writer = TRUE;
  return LINLI_READ_ONLY_NO;
}

/**
 * linli_database_file_create:
 *
 * Creates an empty database file that only its owner may read or write, in
 * a folder only its owner may enter when the folder is new.
 */
gboolean
linli_database_file_create (const char  *path,
                            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO,
                   _("Cannot create “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  /* Whatever the umask. */
  if (fchmod (fd, 0600) != 0)
    g_warning ("Cannot restrict “%s” to its owner: %s", path, g_strerror (errno));
  close (fd);
  return TRUE;
}

/* Residents' names and phone numbers are for the office's account alone:
 * the database and the files SQLite keeps beside it (which it creates with
 * the database's own mode) are made 0600 where this account owns them. */
void
linli_database_file_protect (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      struct stat st;

      if (g_stat (file, &st) == 0 && st.st_uid == getuid () && (st.st_mode & 0077) != 0)
        g_chmod (file, st.st_mode & 0700);
    }
}
