/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-search"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "linli-case-search-cache.h"

/* Two files per database, named by a hash of its real path, in the
 * user's cache folder (never beside the database, which may be on a
 * shared drive or a USB stick):
 *
 * - NAME.index: the index as it is in memory (LinliSearchIndex's blob):
 *   a header of 64 bytes, the grams, the postings; integers in this
 *   machine's order, which the header says.
 * - NAME.overlay: the cases the app changed since that index was read,
 *   with their text then, and the two stamps: the index's and the
 *   database's when it was written.
 *
 * Both are written whole to a new file that then takes the old one's name,
 * so a reader sees one or the other. Another program may still have left
 * anything there: each is read into memory (not mapped: a mapped file cut
 * short by someone else kills the process), and used only when its magic,
 * version, byte order, sizes and checksum are right and every offset it
 * holds is inside it. Otherwise the search builds its index as if there
 * were none. */

#define INDEX_MAGIC     "LNLISIX"
#define OVERLAY_MAGIC   "LNLISOV"
/* Raised whenever what an index holds changes: its layout, the fields
 * read into it, normalise_into() of linli-case-search.c. */
#define CACHE_VERSION   1
#define BYTE_ORDER_MARK 0x01020304u

typedef struct
{
  char    magic[8];
  guint32 version;
  guint32 byte_order;
  gint64  stamp;
  gint64  max_id;
  guint32 n_cases;
  guint32 n_words;
  guint32 n_grams;
  guint32 reserved;
  guint64 postings_size;
  guint64 checksum;       /* file_checksum() */
} IndexHeader;

G_STATIC_ASSERT (sizeof (IndexHeader) == LINLI_SEARCH_HEADER_SIZE);
G_STATIC_ASSERT (sizeof (LinliSearchGram) == 16);

typedef struct
{
  char    magic[8];
  guint32 version;
  guint32 byte_order;
  gint64  base_stamp;     /* of the index it goes with */
  gint64  stamp;          /* of the database with the changes */
  guint32 n_entries;
  guint32 reserved;
  guint64 checksum;       /* file_checksum() */
} OverlayHeader;

#define MAPPED_MIN_SIZE (1u << 20)

/* After an entry's id, its length; this one for a case that is gone. */
#define GONE G_MAXUINT32

/* A hash of 64 bits for telling a damaged file, not an attacker's: the
 * rounds of xxHash64 over four lanes, about as fast as memory. */
#define P1 G_GUINT64_CONSTANT (0x9E3779B185EBCA87)
#define P2 G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F)
#define P3 G_GUINT64_CONSTANT (0x165667B19E3779F9)

static inline guint64
rotl (guint64 x,
      int     r)
{
  return x << r | x >> (64 - r);
}

static inline guint64
round64 (guint64 acc,
         guint64 input)
{
  return rotl (acc + input * P2, 31) * P1;
}

static guint64
checksum (const guint8 *data,
          gsize         size)
{
  guint64 v[4] = { P1 + P2, P2, 0, -P1 };
  guint64 h;
  gsize i = 0;

  for (; i + 32 <= size; i += 32)
    for (int lane = 0; lane < 4; lane++)
      {
        guint64 word;

        memcpy (&word, data + i + lane * 8, 8);
        v[lane] = round64 (v[lane], word);
      }
  h = rotl (v[0], 1) + rotl (v[1], 7) + rotl (v[2], 12) + rotl (v[3], 18) + size;
  for (; i < size; i++)
    h = rotl (h ^ (data[i] * P3), 11) * P1;
  h ^= h >> 33;
  h *= P2;
  h ^= h >> 29;
  return h;
}

/* The checksum of a file: of its header up to the checksum, which is its
 * last field, and of every byte after the header. */
static guint64
file_checksum (gconstpointer  header,
               gsize          header_size,
               const guint8  *body,
               gsize          body_size)
{
  return checksum (body, body_size) ^ rotl (checksum (header, header_size - sizeof (guint64)), 29) * P3;
}

/**
 * linli_search_index_new:
 *
 * Returns: (transfer full) (nullable): an index with room for @n_grams
 *   and @postings_size bytes of postings, its header zeroed, or %NULL when
 *   the memory cannot be had
 */
LinliSearchIndex *
linli_search_index_new (gsize n_grams,
                        gsize postings_size)
{
  gsize blob_size = LINLI_SEARCH_HEADER_SIZE + n_grams * sizeof (LinliSearchGram) + postings_size;
  gboolean mapped = FALSE;
  guint8 *blob = NULL;
  LinliSearchIndex *index;

  /* A large one is mapped with its pages in at once, as the builder's
   * chunks are: a page fault apiece costs more than the copy into it on a
   * virtual machine. Tried, not forced: a file may claim any size. */
#ifdef MAP_POPULATE
  if (blob_size >= MAPPED_MIN_SIZE)
    {
      void *map = mmap (NULL, blob_size, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);

      if (map != MAP_FAILED)
        {
          blob = map;
          mapped = TRUE;
        }
    }
#endif
  if (blob == NULL)
    blob = g_try_malloc (blob_size);
  if (blob == NULL)
    return NULL;
  index = g_new0 (LinliSearchIndex, 1);
  index->n_grams = (guint) n_grams;
  index->postings_size = postings_size;
  index->blob_size = blob_size;
  index->blob = blob;
  index->mapped = mapped;
  memset (index->blob, 0, LINLI_SEARCH_HEADER_SIZE);
  index->grams = (LinliSearchGram *) (gpointer) (index->blob + LINLI_SEARCH_HEADER_SIZE);
  index->postings = index->blob + LINLI_SEARCH_HEADER_SIZE + n_grams * sizeof (LinliSearchGram);
  return index;
}

void
linli_search_index_free (LinliSearchIndex *index)
{
  if (index == NULL)
    return;
  if (index->mapped)
    munmap (index->blob, index->blob_size);
  else
    g_free (index->blob);
  g_free (index);
}

/**
 * linli_search_cache_file:
 * @cache_dir: the folder of the search's files
 * @database_path: the database's path, as opened
 * @suffix: "index" or "overlay"
 *
 * Returns: (transfer full): the file of @database_path's index or overlay:
 *   one name for each real path, whatever links lead to it
 */
char *
linli_search_cache_file (const char *cache_dir,
                         const char *database_path,
                         const char *suffix)
{
  g_autofree char *real = realpath (database_path, NULL);
  g_autofree char *canonical = real ? NULL : g_canonicalize_filename (database_path, NULL);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, real ? real : canonical, -1);
  g_autofree char *name = g_strdup_printf ("%.32s.%s", hash, suffix);

  return g_build_filename (cache_dir, name, NULL);
}

static gboolean
write_file (const char    *file,
            const guint8  *data,
            gsize          size,
            GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (file);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Cannot make “%s”: %s", dir, g_strerror (saved));
      return FALSE;
    }
  /* A new file that takes the old one's name: a reader sees one or the
   * other. Not synced: the wait would fall on the main thread when the
   * search goes, and a file a crash leaves damaged is only built again. */
  {
    g_autofree char *tmp = g_strconcat (file, ".XXXXXX", NULL);
    int fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
    int saved = 0;

    if (fd < 0)
      saved = errno;
    else
      {
        for (gsize done = 0; done < size && saved == 0;)
          {
            gssize n = write (fd, data + done, MIN (size - done, (gsize) 1 << 30));

            if (n < 0 && errno != EINTR)
              saved = errno;
            else if (n > 0)
              done += (gsize) n;
          }
        if (close (fd) != 0 && saved == 0)
          saved = errno;
        if (saved == 0 && g_rename (tmp, file) != 0)
          saved = errno;
        if (saved != 0)
          g_remove (tmp);
      }
    if (saved != 0)
      {
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                     "Cannot write “%s”: %s", file, g_strerror (saved));
        return FALSE;
      }
  }
  return TRUE;
}

/**
 * linli_search_index_save:
 *
 * Writes @index, whose stamp is known, to @file; fills in its header.
 */
gboolean
linli_search_index_save (LinliSearchIndex  *index,
                         const char        *file,
                         GError           **error)
{
  IndexHeader header = {
    .magic = INDEX_MAGIC,
    .version = CACHE_VERSION,
    .byte_order = BYTE_ORDER_MARK,
    .stamp = index->stamp,
    .max_id = index->max_id,
    .n_cases = index->n_cases,
    .n_words = index->n_words,
    .n_grams = index->n_grams,
    .postings_size = index->postings_size,
  };

  g_return_val_if_fail (index->has_stamp, FALSE);

  header.checksum = file_checksum (&header, sizeof header, index->blob + sizeof header,
                                   index->blob_size - sizeof header);
  memcpy (index->blob, &header, sizeof header);
  return write_file (file, index->blob, index->blob_size, error);
}

static gboolean
fail (GError     **error,
      const char  *file,
      const char  *why)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The search's cache “%s” %s", file, why);
  return FALSE;
}

/* Reads @size bytes at the start of @fd into @data. */
static gboolean
read_all (int     fd,
          guint8 *data,
          gsize   size)
{
  while (size > 0)
    {
      gssize n = read (fd, data, MIN (size, (gsize) 1 << 30));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      size -= (gsize) n;
    }
  return TRUE;
}

/* Whether the grams are in order and each list lies in the postings. The
 * varint lists are read with bounds (linli-case-search.c), so their
 * lengths need not be known here. */
static gboolean
grams_are_sound (const LinliSearchIndex *index)
{
  gsize bitmap_size = (gsize) index->n_words * sizeof (guint64);

  for (guint i = 0; i < index->n_grams; i++)
    {
      const LinliSearchGram *gram = &index->grams[i];

      if (i > 0 && gram->key <= index->grams[i - 1].key)
        return FALSE;
      if (gram->count & LINLI_SEARCH_BITMAP)
        {
          if (gram->offset % sizeof (guint64) != 0 ||
              gram->offset > index->postings_size ||
              bitmap_size > index->postings_size - gram->offset)
            return FALSE;
        }
      else if (gram->offset > index->postings_size)
        return FALSE;
    }
  return TRUE;
}

/**
 * linli_search_index_load:
 * @stamps: (array length=n_stamps): the stamps an index is wanted of
 *
 * Returns: (transfer full) (nullable): the index in @file when it is sound
 *   and of one of @stamps, else %NULL and @error set
 */
LinliSearchIndex *
linli_search_index_load (const char    *file,
                         const gint64  *stamps,
                         guint          n_stamps,
                         GError       **error)
{
  g_autoptr(LinliSearchIndex) index = NULL;
  IndexHeader header;
  struct stat st;
  gboolean wanted = FALSE;
  gsize grams_size;
  int fd = g_open (file, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Cannot open “%s”: %s", file, g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || (guint64) st.st_size < sizeof header ||
      !read_all (fd, (guint8 *) &header, sizeof header))
    {
      close (fd);
      fail (error, file, "is too short");
      return NULL;
    }
  if (memcmp (header.magic, INDEX_MAGIC, sizeof header.magic) != 0 ||
      header.version != CACHE_VERSION || header.byte_order != BYTE_ORDER_MARK)
    {
      close (fd);
      fail (error, file, "is of another kind or version");
      return NULL;
    }
  for (guint i = 0; i < n_stamps; i++)
    wanted |= header.stamp == stamps[i];
  if (!wanted)
    {
      close (fd);
      fail (error, file, "is of another state of the database");
      return NULL;
    }

  /* Sizes that hold together before anything is allocated. */
  grams_size = (gsize) header.n_grams * sizeof (LinliSearchGram);
  if (header.max_id < 0 || header.max_id > G_MAXUINT32 ||
      header.n_words != (guint64) header.max_id / 64 + 1 ||
      header.n_cases > (guint64) header.max_id ||
      header.postings_size >= G_MAXUINT32 ||
      (guint64) st.st_size != sizeof header + grams_size + header.postings_size)
    {
      close (fd);
      fail (error, file, "has sizes that do not add up");
      return NULL;
    }

  index = linli_search_index_new (header.n_grams, header.postings_size);
  if (index == NULL)
    {
      close (fd);
      fail (error, file, "is larger than memory allows");
      return NULL;
    }
  index->n_words = header.n_words;
  index->n_cases = header.n_cases;
  index->max_id = header.max_id;
  index->stamp = header.stamp;
  index->has_stamp = TRUE;
  memcpy (index->blob, &header, sizeof header);
  if (!read_all (fd, index->blob + sizeof header, index->blob_size - sizeof header))
    {
      close (fd);
      fail (error, file, "is too short");
      return NULL;
    }
  close (fd);

  if (file_checksum (&header, sizeof header, index->blob + sizeof header,
                     index->blob_size - sizeof header) != header.checksum)
    {
      fail (error, file, "is damaged");
      return NULL;
    }
  if (!grams_are_sound (index))
    {
      fail (error, file, "points outside itself");
      return NULL;
    }
  return g_steal_pointer (&index);
}

/**
 * linli_search_overlay_save:
 * @overlay: gint64 case id → its text, or %NULL for a case that is gone
 * @base_stamp: the stamp of the index @overlay goes with
 * @stamp: the database's stamp with every change in @overlay
 */
gboolean
linli_search_overlay_save (GHashTable  *overlay,
                           gint64       base_stamp,
                           gint64       stamp,
                           const char  *file,
                           GError     **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  OverlayHeader header = {
    .magic = OVERLAY_MAGIC,
    .version = CACHE_VERSION,
    .byte_order = BYTE_ORDER_MARK,
    .base_stamp = base_stamp,
    .stamp = stamp,
    .n_entries = g_hash_table_size (overlay),
  };
  GHashTableIter iter;
  gpointer key, value;

  g_byte_array_append (data, (const guint8 *) &header, sizeof header);
  g_hash_table_iter_init (&iter, overlay);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint32 length = value != NULL ? (guint32) strlen (value) : GONE;

      g_byte_array_append (data, key, sizeof (gint64));
      g_byte_array_append (data, (const guint8 *) &length, sizeof length);
      if (value != NULL)
        g_byte_array_append (data, value, length);
    }
  header.checksum = file_checksum (&header, sizeof header, data->data + sizeof header, data->len - sizeof header);
  memcpy (data->data, &header, sizeof header);
  return write_file (file, data->data, data->len, error);
}

/**
 * linli_search_overlay_load:
 * @base_stamp: (out): the stamp of the index it goes with
 * @stamp: (out): the database's stamp with its changes
 *
 * Returns: (transfer full) (nullable): the overlay in @file, as
 *   linli_search_overlay_save() took it, or %NULL when it is not sound
 */
GHashTable *
linli_search_overlay_load (const char  *file,
                           gint64      *base_stamp,
                           gint64      *stamp,
                           GError     **error)
{
  g_autoptr(GHashTable) overlay = NULL;
  g_autofree char *contents = NULL;
  OverlayHeader header;
  const guint8 *at, *end;
  gsize size = 0;

  if (!g_file_get_contents (file, &contents, &size, error))
    return NULL;
  if (size < sizeof header)
    {
      fail (error, file, "is too short");
      return NULL;
    }
  memcpy (&header, contents, sizeof header);
  if (memcmp (header.magic, OVERLAY_MAGIC, sizeof header.magic) != 0 ||
      header.version != CACHE_VERSION || header.byte_order != BYTE_ORDER_MARK)
    {
      fail (error, file, "is of another kind or version");
      return NULL;
    }
  at = (const guint8 *) contents + sizeof header;
  end = (const guint8 *) contents + size;
  if (file_checksum (&header, sizeof header, at, (gsize) (end - at)) != header.checksum)
    {
      fail (error, file, "is damaged");
      return NULL;
    }

  overlay = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint32 i = 0; i < header.n_entries; i++)
    {
      gint64 id;
      guint32 length;

      if ((gsize) (end - at) < sizeof id + sizeof length)
        {
          fail (error, file, "is too short");
          return NULL;
        }
      memcpy (&id, at, sizeof id);
      memcpy (&length, at + sizeof id, sizeof length);
      at += sizeof id + sizeof length;
      if (id <= 0 || id > G_MAXUINT32 ||
          (length != GONE && (length > (gsize) (end - at) || memchr (at, '\0', length) != NULL)))
        {
          fail (error, file, "points outside itself");
          return NULL;
        }
      g_hash_table_insert (overlay, g_memdup2 (&id, sizeof id),
                           length == GONE ? NULL : g_strndup ((const char *) at, length));
      if (length != GONE)
        at += length;
    }
  if (at != end)
    {
      fail (error, file, "is longer than its entries");
      return NULL;
    }
  *base_stamp = header.base_stamp;
  *stamp = header.stamp;
  return g_steal_pointer (&overlay);
}
