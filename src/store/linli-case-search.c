/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-search"
#define _GNU_SOURCE  /* memmem() */

#include "config.h"

#include <gio/gio.h>
#include <string.h>
#include <sys/mman.h>
#ifdef __GLIBC__
#include <malloc.h>  /* malloc_trim() */
#endif

#include "linli-case-search.h"
#include "linli-case-search-cache.h"
#include "linli-store-private.h"

/* Substring search over every case's text: number, title, description,
 * address and the reporter's name and phone, normalised and case-folded,
 * with a newline after each field.
 *
 * SQLite cannot do this fast enough: LIKE '%漏水%' reads every row (about
 * a second for 1,000,000 cases), and FTS5's trigram tokenizer finds nothing
 * for the two-character words most Chinese searches are (漏水, 物业, 停车).
 * Nor can memory hold the text of a million cases cheaply (about 200 bytes
 * a case). So the search keeps an index of character bigrams and trigrams:
 * for every two and three code points that follow each other in a case's
 * text, the sorted ids of the cases that hold them, as varint deltas, or as
 * a bitmap when that is smaller. Two or three characters are one list,
 * exact; a longer search intersects the lists of its trigrams and reads the
 * candidates' text back to verify them; a single character is the union of
 * the bigrams it starts
 * (every character is followed by one, since the text ends in a newline).
 *
 * The index is built in a thread with its own read-only connection right
 * after the search is made (two threads, each half the cases, when there
 * are many and more than one core); until it is there, a search reads the text
 * from the store instead, so a keystroke that comes first still finds the
 * right cases: in a thread too, with a connection of its own (about a
 * second for 1,000,000 cases), :searching while it runs, during which the
 * search answers as it did before the text changed. Changes after the index was read go to an overlay, the
 * current text of each case changed since, which a search reads beside the
 * index; a RESET, or an overlay grown past an eighth of the cases, builds
 * the index again in the background.
 *
 * Reading the text alone takes about a second for 1,000,000 cases, so the
 * index is kept between opens rather than built at each one: in the
 * user's cache folder (linli-case-search-cache.c), with the stamp of the
 * database it was read from. The database holds a stamp that triggers set
 * to a new random number at every change to what the search reads, by
 * this app or any other SQLite program (021-search-stamp.sql). The build's
 * thread reads the stamp first, in the transaction it reads the text in:
 * when the saved index is of that stamp, it is read from its file instead
 * (83 bytes a case; at 1,000,000 cases, 0.3 s of CPU against five
 * for a build, most of it copying the file in and checking its sum) and
 * nothing is built; else the index is built as above and saved, by the
 * thread, before it is handed over.
 *
 * The app's own changes then make the stamp move on. So that the next open
 * still finds its index, the search saves its overlay when it goes (when
 * the store is closed or the window quits) with two stamps: the index's
 * and the database's now. That is only right when the overlay holds every
 * change since the index's snapshot, which is when no other connection
 * committed since: PRAGMA data_version of the store's connection, read
 * before the build's snapshot and again at the save, says so. The next
 * open reads the index of the first stamp with the overlay when the
 * second is the database's. A crash loses the overlay, and the next open
 * builds. */

typedef LinliSearchGram  Gram;
typedef LinliSearchIndex Index;

#define BITMAP_FLAG LINLI_SEARCH_BITMAP

struct _LinliCaseSearch
{
  GObject       parent_instance;

  LinliStore   *store;
  Index        *index;        /* NULL until the first build arrives */
  GHashTable   *overlay;      /* gint64 id → normalised text, or NULL when gone */
  GCancellable *building;     /* while a build runs */
  guint         build_serial;
  GArray       *pending;      /* gint64 ids changed since the build began */
  gint64        build_data_version;  /* of the store's connection then */
  gboolean      loaded;       /* the index came from the cache */

  /* The overlay may be saved beside the index only while every change
   * since the index's snapshot came through the store's connection, which
   * its PRAGMA data_version tells: it changes with the commits of any
   * other connection, the sqlite3 shell's included, and only with those. */
  gboolean      overlay_whole;
  gint64        data_version;

  char         *text;         /* as typed */
  char         *needle;       /* normalised; NULL or "" matches everything */
  GArray       *matches;      /* a bit per case id, guint64 words; NULL until searched */

  /* Without the index, the text is read in a thread. */
  GCancellable *scanning;     /* while a scan for the needle runs */
  guint         scan_serial;
  GArray       *scan_pending; /* gint64 ids changed since the scan began */
  GArray       *previous;     /* what is answered meanwhile: the last matches, */
  gboolean      previous_all; /* or every case */
};

G_DEFINE_FINAL_TYPE (LinliCaseSearch, linli_case_search, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_READY,
  PROP_SEARCHING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define CASE_TEXT_SQL \
  "SELECT c.id, c.number, c.title, c.description, c.address, r.name, r.phone" \
  " FROM case_record AS c LEFT JOIN resident AS r ON r.id = c.reporter_id"

/* g_ascii_tolower(), inline: it runs for every byte of every case. */
static inline char
ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Full-width letters, digits and punctuation (３号楼, ，) as their ASCII
 * forms, as NFKC has them, and every letter in lower case, so 'ab' finds
 * 'AB'. Done by hand for the text most cases hold, Chinese and ASCII, which
 * GLib's NFKC and case folding would take a second to go through for
 * 100,000 cases; text with other letters (Latin, Greek, Cyrillic: lead
 * bytes 0xC2–0xDF) goes through GLib. */
static void
normalise_into (GString    *out,
                const char *text,
                gsize       n)
{
  g_string_truncate (out, 0);
  for (gsize i = 0; i < n; i++)
    {
      guchar c = (guchar) text[i];

      if (c >= 0xC2 && c <= 0xDF)
        {
          g_autofree char *nfkc = g_utf8_normalize (text, n, G_NORMALIZE_ALL_COMPOSE);
          g_autofree char *folded = nfkc ? g_utf8_casefold (nfkc, -1) : NULL;

          g_string_truncate (out, 0);
          if (folded != NULL)
            g_string_append (out, folded);
          return;
        }
      /* U+FF01–U+FF5E are EF BC 81 … EF BD 9E; each is U+0021–U+007E + 0xFEE0. */
      if (c == 0xEF && i + 2 < n && ((guchar) text[i + 1] == 0xBC || (guchar) text[i + 1] == 0xBD))
        {
          guint code = 0xF000 | (((guchar) text[i + 1] & 0x3F) << 6) | ((guchar) text[i + 2] & 0x3F);
          if (code >= 0xFF01 && code <= 0xFF5E)
            {
              g_string_append_c (out, ascii_lower ((char) (code - 0xFEE0)));
              i += 2;
              continue;
            }
        }
      /* U+3000, the ideographic space, is E3 80 80. */
      if (c == 0xE3 && i + 2 < n && (guchar) text[i + 1] == 0x80 && (guchar) text[i + 2] == 0x80)
        {
          g_string_append_c (out, ' ');
          i += 2;
          continue;
        }
      g_string_append_c (out, ascii_lower ((char) c));
    }
}

static char *
normalise (const char *text,
           gssize      length)
{
  GString *out = g_string_new (NULL);

  normalise_into (out, text, length < 0 ? strlen (text) : (gsize) length);
  return g_string_free (out, FALSE);
}

static void
index_free (Index *index)
{
  linli_search_index_free (index);
}

/* Appends each field that is not NULL and a newline after it, so a match
 * never spans two fields. */
static void
append_fields (GString      *text,
               sqlite3_stmt *stmt,
               int           first,
               int           last)
{
  for (int column = first; column <= last; column++)
    {
      const char *field = (const char *) sqlite3_column_text (stmt, column);
      if (field != NULL)
        {
          g_string_append_len (text, field, sqlite3_column_bytes (stmt, column));
          g_string_append_c (text, '\n');
        }
    }
}

/* The next code point of normalised text; a byte that is not UTF-8 stands
 * for itself above Unicode's range. */
static inline guint32
next_char (const char **at,
           const char  *end)
{
  gunichar c = (guchar) **at;

  if (c < 0x80)
    {
      (*at)++;
      return c;
    }
  /* Three bytes, as Chinese is: what g_utf8_get_char_validated() gives. */
  if ((c & 0xF0) == 0xE0 && end - *at >= 3 &&
      ((guchar) (*at)[1] & 0xC0) == 0x80 && ((guchar) (*at)[2] & 0xC0) == 0x80)
    {
      gunichar code = (c & 0x0F) << 12 | ((guchar) (*at)[1] & 0x3F) << 6 | ((guchar) (*at)[2] & 0x3F);

      if (code >= 0x800 && (code & 0xFFFFF800) != 0xD800)
        {
          *at += 3;
          return code;
        }
    }
  c = g_utf8_get_char_validated (*at, end - *at);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return 0x110000 + (guchar) *(*at)++;
  *at = g_utf8_next_char (*at);
  return c;
}

/* ---- Building the index ------------------------------------------------ */

/* The build keeps, for each gram, the ids of its cases as varint deltas
 * until they would take more room than a bitmap of every case, and a
 * bitmap from then on, where adding a case is setting a bit: the common
 * grams, which hold most of the pairs, cost a bit each and never grow. The
 * highest id is read first, so a bitmap's size is known from the start.
 * The deltas are written into blocks taken in turn from large chunks, and
 * copied once into the index at the end: nothing is grown, moved or given
 * back to the system while the cases are read, which is what the build
 * spent most of its time on when each list was one growing buffer. The
 * chunks are mapped with their pages in at once: a page fault apiece
 * costs as much as the rest of the build on a virtual machine. */

typedef struct _Block Block;

struct _Block
{
  Block   *next;
  guint32  used;
  guint32  capacity;
  guint8   data[];
};

#define CHUNK_SIZE     (4u << 20)
#define MAX_BLOCK_SIZE 4096u

typedef struct
{
  guint64  key;
  Block   *first;       /* the deltas; NULL once bits */
  Block   *last;
  guint8  *tail;        /* where the next delta goes in last */
  guint32  tail_left;   /* bytes after tail in last */
  guint64 *bits;        /* NULL until the deltas would be larger */
  guint32  size;        /* bytes of deltas */
  guint32  count;       /* of the ids in the deltas */
  gint64   last_id;
} BuildList;

typedef struct
{
  guint64 key;
  guint32 list;            /* index into lists + 1; 0 for an empty slot */
} Slot;

typedef struct
{
  Slot      *slots;        /* a gram's key beside its list: one cache line */
  guint      mask;
  GArray    *lists;        /* BuildList */
  guint      n_words;      /* of each bitmap: ids up to max_id */
  gsize      bitmap_size;  /* in bytes */
  gint64     max_id;
  GPtrArray *chunks;       /* where the blocks are taken from */
  guint8    *chunk_at;
  gsize      chunk_left;
} Builder;

static void
chunk_free (gpointer chunk)
{
  munmap (chunk, CHUNK_SIZE);
}

static guint8 *
chunk_new (void)
{
  int flags = MAP_PRIVATE | MAP_ANONYMOUS;
  void *chunk;

#ifdef MAP_POPULATE
  flags |= MAP_POPULATE;
#endif
  chunk = mmap (NULL, CHUNK_SIZE, PROT_READ | PROT_WRITE, flags, -1, 0);
  if (chunk == MAP_FAILED)
    g_error ("Cannot map %u bytes for the search index", CHUNK_SIZE);
  return chunk;
}

static void
builder_init (Builder *b,
              gint64   max_id)
{
  b->mask = 4095;
  b->slots = g_new0 (Slot, b->mask + 1);
  b->lists = g_array_new (FALSE, FALSE, sizeof (BuildList));
  b->max_id = max_id;
  b->n_words = (guint) (max_id / 64 + 1);
  b->bitmap_size = (gsize) b->n_words * sizeof (guint64);
  b->chunks = g_ptr_array_new_with_free_func (chunk_free);
  b->chunk_at = NULL;
  b->chunk_left = 0;
}

static void
builder_clear (Builder *b)
{
  if (b->lists != NULL)
    for (guint i = 0; i < b->lists->len; i++)
      g_free (g_array_index (b->lists, BuildList, i).bits);
  g_clear_pointer (&b->lists, g_array_unref);
  g_clear_pointer (&b->chunks, g_ptr_array_unref);
  g_clear_pointer (&b->slots, g_free);
}

/* A block for @list, twice as large as its last one up to MAX_BLOCK_SIZE. */
static Block *
builder_new_block (Builder   *b,
                   BuildList *list)
{
  guint32 capacity = list->last != NULL ? MIN (list->last->capacity * 2, MAX_BLOCK_SIZE) : 16;
  gsize size = sizeof (Block) + capacity;
  Block *block;

  if (size > b->chunk_left)
    {
      b->chunk_at = chunk_new ();
      b->chunk_left = CHUNK_SIZE;
      g_ptr_array_add (b->chunks, b->chunk_at);
    }
  block = (Block *) (gpointer) b->chunk_at;
  b->chunk_at += size;
  b->chunk_left -= size;
  block->next = NULL;
  block->used = 0;
  block->capacity = capacity;
  if (list->last != NULL)
    {
      list->last->used = list->last->capacity - list->tail_left;
      list->last->next = block;
    }
  else
    list->first = block;
  list->last = block;
  list->tail = block->data;
  list->tail_left = capacity;
  return block;
}

static inline guint
slot_of (guint64 key,
         guint   mask)
{
  return (guint) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 40) & mask;
}

static void
builder_grow (Builder *b)
{
  guint old_size = b->mask + 1;
  Slot *old_slots = b->slots;

  b->mask = old_size * 2 - 1;
  b->slots = g_new0 (Slot, old_size * 2);
  for (guint i = 0; i < old_size; i++)
    if (old_slots[i].list != 0)
      {
        guint slot = slot_of (old_slots[i].key, b->mask);
        while (b->slots[slot].list != 0)
          slot = (slot + 1) & b->mask;
        b->slots[slot] = old_slots[i];
      }
  g_free (old_slots);
}

/* Sets the bits of the @count ids in the varint deltas at @data. An index
 * read from its cache file is trusted no further than its bounds: the
 * deltas stop at @end, and ids at @n_words words. */
static void
set_bit_from_varints (guint64      *bits,
                      guint         n_words,
                      const guint8 *data,
                      const guint8 *end,
                      guint32       count)
{
  guint64 n_ids = (guint64) n_words * 64;
  guint64 id = 0;

  for (guint32 i = 0; i < count; i++)
    {
      guint64 delta = 0;
      int shift = 0;
      guint8 byte;

      do
        {
          if (data >= end || shift > 63)
            return;
          byte = *data++;
          delta |= (guint64) (byte & 0x7F) << shift;
          shift += 7;
        }
      while (byte & 0x80);
      id += delta;
      if (id >= n_ids)
        return;
      bits[id / 64] |= G_GUINT64_CONSTANT (1) << (id % 64);
    }
}

/* Sets the bits of the ids in @size bytes of deltas from *@id. */
static void
set_bit_from_bytes (guint64      *bits,
                    const guint8 *data,
                    gsize         size,
                    gint64       *id)
{
  const guint8 *end = data + size;

  while (data < end)
    {
      guint64 delta = 0;
      int shift = 0;
      guint8 byte;

      do
        {
          byte = *data++;
          delta |= (guint64) (byte & 0x7F) << shift;
          shift += 7;
        }
      while (byte & 0x80);
      *id += (gint64) delta;
      bits[*id / 64] |= G_GUINT64_CONSTANT (1) << (*id % 64);
    }
}

/* The list grows past a bitmap's size: a bitmap from now on. Its blocks
 * stay in their chunk until the end. */
static void
build_list_to_bits (Builder   *b,
                    BuildList *list)
{
  gint64 id = 0;

  if (list->last != NULL)
    list->last->used = list->last->capacity - list->tail_left;
  list->bits = g_malloc0 (b->bitmap_size);
  for (Block *block = list->first; block != NULL; block = block->next)
    set_bit_from_bytes (list->bits, block->data, block->used, &id);
  list->first = list->last = NULL;
  list->size = list->count = 0;
}

/* Adds @id, at least as high as every id added before, to the list of the
 * gram @key. */
static inline void
builder_add (Builder *b,
             guint64  key,
             gint64   id)
{
  guint slot = slot_of (key, b->mask);
  BuildList *list;
  guint8 varint[10];
  guint n = 0;

  while (b->slots[slot].list != 0 && b->slots[slot].key != key)
    slot = (slot + 1) & b->mask;
  if (b->slots[slot].list == 0)
    {
      BuildList fresh = { .key = key };

      g_array_append_val (b->lists, fresh);
      b->slots[slot].key = key;
      b->slots[slot].list = b->lists->len;
      list = &g_array_index (b->lists, BuildList, b->lists->len - 1);
      if (b->lists->len * 2 > b->mask)
        builder_grow (b);
    }
  else
    list = &g_array_index (b->lists, BuildList, b->slots[slot].list - 1);

  if (list->bits != NULL)
    {
      list->bits[id / 64] |= G_GUINT64_CONSTANT (1) << (id % 64);
      return;
    }
  if (list->last_id == id)
    return;
  for (guint64 delta = (guint64) (id - list->last_id);; delta >>= 7)
    {
      if (delta < 0x80)
        {
          varint[n++] = (guint8) delta;
          break;
        }
      varint[n++] = (guint8) (delta | 0x80);
    }
  list->last_id = id;
  if (list->size + n > b->bitmap_size)
    {
      build_list_to_bits (b, list);
      list->bits[id / 64] |= G_GUINT64_CONSTANT (1) << (id % 64);
      return;
    }
  if (n > list->tail_left)
    builder_new_block (b, list);
  memcpy (list->tail, varint, n);
  list->tail += n;
  list->tail_left -= n;
  list->size += n;
  list->count++;
}

/* Code points take 21 bits (up to 0x1100FF here): a bigram's key is the
 * two apart, a trigram's the three packed under a top bit of its own, so
 * the bigrams that start with a character stay together, first. */
static inline guint64
bigram_key (guint32 a,
            guint32 b)
{
  return (guint64) a << 32 | b;
}

static inline guint64
trigram_key (guint32 a,
             guint32 b,
             guint32 c)
{
  return G_GUINT64_CONSTANT (1) << 63 | (guint64) a << 42 | (guint64) b << 21 | c;
}

/* Adds the grams of one case's normalised text; the cases come in the
 * order of their ids. */
static void
builder_add_text (Builder    *b,
                  const char *text,
                  gsize       length,
                  gint64      id)
{
  const char *at = text;
  const char *end = text + length;
  guint32 previous;
  guint32 before = G_MAXUINT32;

  if (at >= end)
    return;
  previous = next_char (&at, end);
  while (at < end)
    {
      guint32 c = next_char (&at, end);
      builder_add (b, bigram_key (previous, c), id);
      if (before != G_MAXUINT32)
        builder_add (b, trigram_key (before, previous, c), id);
      before = previous;
      previous = c;
    }
}

static int
compare_lists (gconstpointer a,
               gconstpointer b)
{
  guint64 ka = ((const BuildList *) a)->key;
  guint64 kb = ((const BuildList *) b)->key;

  return ka < kb ? -1 : ka > kb;
}

/* Packs every list into one buffer, bitmaps first, so each is aligned
 * to its words. */
static Index *
builder_finish (Builder *b,
                guint    n_cases)
{
  Index *index;
  gsize bitmaps_at = 0;
  gsize varints_at = 0;
  gsize postings_size = 0;

  g_clear_pointer (&b->slots, g_free);
  g_array_sort (b->lists, compare_lists);

  for (guint i = 0; i < b->lists->len; i++)
    {
      BuildList *list = &g_array_index (b->lists, BuildList, i);
      varints_at += list->bits != NULL ? b->bitmap_size : 0;
      postings_size += list->bits != NULL ? b->bitmap_size : list->size;
    }
  if (postings_size >= G_MAXUINT32)
    return NULL;

  index = linli_search_index_new (b->lists->len, postings_size);
  if (index == NULL)
    return NULL;
  index->n_words = b->n_words;
  index->n_cases = n_cases;
  index->max_id = b->max_id;
  for (guint i = 0; i < b->lists->len; i++)
    {
      BuildList *list = &g_array_index (b->lists, BuildList, i);
      Gram *gram = &index->grams[i];

      gram->key = list->key;
      if (list->bits != NULL)
        {
          guint32 count = 0;

          for (guint w = 0; w < b->n_words; w++)
            count += (guint32) __builtin_popcountll (list->bits[w]);
          gram->offset = (guint32) bitmaps_at;
          gram->count = count | BITMAP_FLAG;
          memcpy (index->postings + bitmaps_at, list->bits, b->bitmap_size);
          bitmaps_at += b->bitmap_size;
          g_clear_pointer (&list->bits, g_free);
        }
      else
        {
          gram->offset = (guint32) varints_at;
          gram->count = list->count;
          if (list->last != NULL)
            list->last->used = list->last->capacity - list->tail_left;
          for (Block *block = list->first; block != NULL; block = block->next)
            {
              memcpy (index->postings + varints_at, block->data, block->used);
              varints_at += block->used;
            }
          list->first = list->last = NULL;
        }
    }
  return index;
}

#define FAR_RESIDENT (G_GINT64_CONSTANT (1) << 24)

/* With more cores, a second thread reads the cases above the middle id
 * with a connection of its own, into a builder of its own, merged into
 * the first at the end: the index is there in about half the time. Its
 * snapshot may be a little newer; whatever changed after the build began
 * reaches the index through the overlay either way. */
#define SPLIT_MIN_ID 50000

static gint64 split_min_id = SPLIT_MIN_ID;  /* linli_case_search_set_split_min_id() */

/* linli_case_search_set_cache_dir(); else the user's cache folder */
static char    *cache_dir_override;
static gboolean cache_dir_overridden;

static char *
get_cache_dir (void)
{
  if (cache_dir_overridden)
    return g_strdup (cache_dir_override);
  return g_build_filename (g_get_user_cache_dir (), "linli", "search", NULL);
}

typedef struct
{
  GPtrArray  *residents;      /* by id: "name\nphone\n" */
  GHashTable *far_residents;  /* ids at or above FAR_RESIDENT */
} Residents;

static gboolean
open_reader (const char  *path,
             sqlite3    **db,
             GError     **error)
{
  int rc = sqlite3_open_v2 (path, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);

  /* A reader never folds the WAL into the file (see linli-database-file.h). */
  if (*db != NULL)
    sqlite3_db_config (*db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot open “%s”: %s", path, sqlite3_errstr (rc));
      g_clear_pointer (db, sqlite3_close);
      return FALSE;
    }
  sqlite3_busy_timeout (*db, 5000);
  return TRUE;
}

/* The stamp of what the search reads (021-search-stamp.sql), in the
 * transaction the text is read in; FALSE when the file has none. */
static gboolean
read_stamp (sqlite3 *db,
            gint64  *stamp)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT stamp FROM search_stamp", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_INTEGER)
    {
      *stamp = sqlite3_column_int64 (stmt, 0);
      found = TRUE;
    }
  sqlite3_finalize (stmt);
  return found;
}

/* The residents apart, by id, rather than a join that looks one up for
 * every case. Their ids are the rowids SQLite gives, dense but for a few
 * a hash table keeps. */
static int
read_residents (sqlite3   *db,
                Residents *r)
{
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT id, name, phone FROM resident", -1, &stmt, NULL);

  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_string_truncate (text, 0);
      append_fields (text, stmt, 1, 2);
      if (id > 0 && id < FAR_RESIDENT)
        {
          if ((guint) id >= r->residents->len)
            g_ptr_array_set_size (r->residents, (guint) id + 1);
          g_ptr_array_index (r->residents, id) = g_strndup (text->str, text->len);
        }
      else
        g_hash_table_insert (r->far_residents, g_memdup2 (&id, sizeof id), g_strndup (text->str, text->len));
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* Adds the text of the cases with ids in [@first, @last] to @b. */
static int
read_cases (sqlite3         *db,
            Builder         *b,
            const Residents *r,
            gint64           first,
            gint64           last,
            guint           *n_cases,
            GCancellable    *cancellable)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) folded = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT id, number, title, description, address, reporter_id"
                                   " FROM case_record WHERE id BETWEEN ?1 AND ?2 ORDER BY id", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, first);
      sqlite3_bind_int64 (stmt, 2, last);
    }
  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if ((++*n_cases & 4095) == 0 && g_cancellable_is_cancelled (cancellable))
        {
          rc = SQLITE_INTERRUPT;
          break;
        }
      g_string_truncate (text, 0);
      append_fields (text, stmt, 1, 4);
      if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
        {
          gint64 reporter = sqlite3_column_int64 (stmt, 5);
          const char *fields = reporter > 0 && reporter < FAR_RESIDENT
                               ? (reporter < r->residents->len ? g_ptr_array_index (r->residents, reporter) : NULL)
                               : g_hash_table_lookup (r->far_residents, &reporter);
          if (fields != NULL)
            g_string_append (text, fields);
        }
      normalise_into (folded, text->str, text->len);
      builder_add_text (b, folded->str, folded->len, id);
    }
  sqlite3_finalize (stmt);
  return rc;
}

typedef struct
{
  const char      *path;
  const Residents *residents;
  gint64           first;
  gint64           last;
  GCancellable    *cancellable;
  Builder          builder;
  guint            n_cases;
  gint64           stamp;
  gboolean         has_stamp;
  int              rc;
} Half;

static gpointer
half_thread (gpointer data)
{
  Half *half = data;
  sqlite3 *db = NULL;

  if (!open_reader (half->path, &db, NULL))
    {
      half->rc = SQLITE_CANTOPEN;
      return NULL;
    }
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  half->has_stamp = read_stamp (db, &half->stamp);
  half->rc = read_cases (db, &half->builder, half->residents, half->first, half->last,
                         &half->n_cases, half->cancellable);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  return NULL;
}

/* Writes @delta in exactly @n bytes, as many as the varint it replaces:
 * a longer varint than needed reads the same. */
static void
write_padded_varint (guint8  *at,
                     guint64  delta,
                     guint    n)
{
  for (guint i = 0; i + 1 < n; i++, delta >>= 7)
    at[i] = (guint8) ((delta & 0x7F) | 0x80);
  at[n - 1] = (guint8) delta;
}

/* Moves every list of @from, whose ids all come after those of @to, into
 * @to. */
static void
builder_merge (Builder *to,
               Builder *from)
{
  g_ptr_array_extend_and_steal (to->chunks, g_steal_pointer (&from->chunks));
  from->chunks = g_ptr_array_new_with_free_func (chunk_free);

  for (guint i = 0; i < from->lists->len; i++)
    {
      BuildList *later = &g_array_index (from->lists, BuildList, i);
      guint slot = slot_of (later->key, to->mask);
      BuildList *list;

      while (to->slots[slot].list != 0 && to->slots[slot].key != later->key)
        slot = (slot + 1) & to->mask;
      if (to->slots[slot].list == 0)
        {
          g_array_append_val (to->lists, *later);
          to->slots[slot].key = later->key;
          to->slots[slot].list = to->lists->len;
          if (to->lists->len * 2 > to->mask)
            builder_grow (to);
          later->bits = NULL;  /* moved */
          continue;
        }
      list = &g_array_index (to->lists, BuildList, to->slots[slot].list - 1);
      if (later->last != NULL)
        later->last->used = later->last->capacity - later->tail_left;
      if (list->bits == NULL && (later->bits != NULL || (gsize) list->size + later->size > to->bitmap_size))
        build_list_to_bits (to, list);
      if (list->bits != NULL)
        {
          if (later->bits != NULL)
            for (guint w = 0; w < to->n_words; w++)
              list->bits[w] |= later->bits[w];
          else
            {
              gint64 id = 0;

              for (Block *block = later->first; block != NULL; block = block->next)
                set_bit_from_bytes (list->bits, block->data, block->used, &id);
            }
        }
      else if (later->first != NULL)
        {
          /* The later ids' first delta is from 0; now from the list's last. */
          Block *block = later->first;
          guint n = 0;
          gint64 first_id = 0;

          do
            first_id |= (gint64) (block->data[n] & 0x7F) << (7 * n);
          while (block->data[n++] & 0x80);
          write_padded_varint (block->data, (guint64) (first_id - list->last_id), n);
          if (list->last != NULL)
            {
              list->last->used = list->last->capacity - list->tail_left;
              list->last->next = block;
            }
          else
            list->first = block;
          list->last = later->last;
          list->tail = later->tail;
          list->tail_left = later->tail_left;
          list->size += later->size;
          list->count += later->count;
          list->last_id = later->last_id;
        }
    }
}

/* Reads every case's text from @db, in the transaction open on it where
 * @stamp was read, and with a second thread from @path. */
static Index *
read_index (sqlite3       *db,
            const char    *path,
            gint64         split_from,
            gboolean       has_stamp,
            gint64         stamp,
            GCancellable  *cancellable,
            GError       **error)
{
  Residents residents = {
    g_ptr_array_new_with_free_func (g_free),
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free),
  };
  sqlite3_stmt *stmt = NULL;
  Builder b = { NULL, };
  Half half = { NULL, };
  GThread *thread = NULL;
  Index *index = NULL;
  gint64 max_id = 0;
  gint64 split;
  guint n_cases = 0;
  int rc;

  /* The highest id first, in the same snapshot: the size of a bitmap. */
  rc = sqlite3_prepare_v2 (db, "SELECT coalesce (max (id), 0) FROM case_record", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      max_id = MAX (sqlite3_column_int64 (stmt, 0), 0);
      rc = SQLITE_DONE;
    }
  sqlite3_finalize (stmt);
  builder_init (&b, max_id);
  split = max_id >= split_from && path != NULL && g_get_num_processors () > 1 ? max_id / 2 : max_id;

  if (rc == SQLITE_DONE)
    rc = read_residents (db, &residents);
  if (rc == SQLITE_DONE && split < max_id)
    {
      half.path = path;
      half.residents = &residents;
      half.first = split + 1;
      half.last = max_id;
      half.cancellable = cancellable;
      builder_init (&half.builder, max_id);
      thread = g_thread_new ("linli-case-search", half_thread, &half);
    }
  if (rc == SQLITE_DONE)
    rc = read_cases (db, &b, &residents, 1, split, &n_cases, cancellable);
  if (thread != NULL)
    {
      g_thread_join (thread);
      if (rc == SQLITE_DONE)
        rc = half.rc;
      if (rc == SQLITE_DONE)
        builder_merge (&b, &half.builder);
      n_cases += half.n_cases;
      builder_clear (&half.builder);
      /* The second half's snapshot came later: the stamp is the index's
       * only when nothing changed in between. */
      has_stamp = has_stamp && half.has_stamp && half.stamp == stamp;
    }

  if (rc == SQLITE_DONE && (index = builder_finish (&b, n_cases)) != NULL)
    {
      index->stamp = stamp;
      index->has_stamp = has_stamp;
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The search index is too large");
  else
    g_set_error (error, G_IO_ERROR, rc == SQLITE_INTERRUPT ? G_IO_ERROR_CANCELLED : G_IO_ERROR_FAILED,
                 "Cannot read the cases to search: %s", sqlite3_errstr (rc));
  builder_clear (&b);
  g_ptr_array_unref (residents.residents);
  g_hash_table_unref (residents.far_residents);
  return index;
}

typedef struct
{
  char     *path;
  char     *cache_dir;     /* NULL: nothing read or written there */
  GWeakRef  search;
  guint     serial;
  gint64    split_min_id;
} Build;

typedef struct
{
  Index      *index;
  GHashTable *overlay;     /* NULL, or read with the index from the cache */
  gboolean    loaded;      /* from the cache, not built */
} Built;

static void
build_free (gpointer data)
{
  Build *build = data;

  g_free (build->path);
  g_free (build->cache_dir);
  g_weak_ref_clear (&build->search);
  g_free (build);
}

static void
built_free (gpointer data)
{
  Built *built = data;

  index_free (built->index);
  g_clear_pointer (&built->overlay, g_hash_table_unref);
  g_free (built);
}

/* The index of the database at @stamp from the cache: its own file when
 * it is of that stamp, or one of an earlier stamp with the overlay the
 * app saved that brings it to @stamp. */
static Index *
load_cached (const Build  *build,
             gint64        stamp,
             GHashTable  **overlay)
{
  g_autofree char *index_file = linli_search_cache_file (build->cache_dir, build->path, "index");
  g_autofree char *overlay_file = linli_search_cache_file (build->cache_dir, build->path, "overlay");
  g_autoptr(GHashTable) changes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 stamps[2] = { stamp, 0 };
  gint64 overlay_stamp = 0;
  Index *index;

  changes = linli_search_overlay_load (overlay_file, &stamps[1], &overlay_stamp, NULL);
  if (changes != NULL && overlay_stamp != stamp)
    g_clear_pointer (&changes, g_hash_table_unref);
  index = linli_search_index_load (index_file, stamps, changes != NULL ? 2 : 1, &error);
  if (index == NULL)
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("%s", error->message);
      return NULL;
    }
  if (index->stamp != stamp)
    *overlay = g_steal_pointer (&changes);
  return index;
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Build *build = task_data;
  sqlite3 *db = NULL;
  GError *error = NULL;
  Built *built = g_new0 (Built, 1);
  gboolean has_stamp = FALSE;
  gint64 stamp = 0;

  if (open_reader (build->path, &db, &error))
    {
      sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
      has_stamp = read_stamp (db, &stamp);
      if (has_stamp && build->cache_dir != NULL)
        built->index = load_cached (build, stamp, &built->overlay);
      built->loaded = built->index != NULL;
      if (built->index == NULL)
        built->index = read_index (db, build->path, build->split_min_id, has_stamp, stamp,
                                   cancellable, &error);
      sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
    }
  sqlite3_close (db);
#ifdef __GLIBC__
  /* The lists grown while reading are freed, but glibc keeps the pages
   * of this thread's arena: tens of bytes a case for nothing. */
  if (!built->loaded)
    malloc_trim (0);
#endif

  /* Saved before it is handed over, while nothing else can free it. */
  if (built->index != NULL && !built->loaded && built->index->has_stamp && build->cache_dir != NULL &&
      !g_cancellable_is_cancelled (cancellable))
    {
      g_autofree char *file = linli_search_cache_file (build->cache_dir, build->path, "index");
      g_autoptr(GError) save_error = NULL;

      if (!linli_search_index_save (built->index, file, &save_error))
        g_debug ("Cannot save the search index: %s", save_error->message);
    }

  if (built->index != NULL)
    g_task_return_pointer (task, built, built_free);
  else
    {
      built_free (built);
      g_task_return_error (task, error);
    }
}

/* ---- Scanning without the index ---------------------------------------- */

typedef struct
{
  char     *path;
  char     *needle;
  GWeakRef  search;
  guint     serial;
} Scan;

static void
scan_free (gpointer data)
{
  Scan *scan = data;

  g_free (scan->path);
  g_free (scan->needle);
  g_weak_ref_clear (&scan->search);
  g_free (scan);
}

static inline void
set_bit (GArray *matches,
         gint64  id)
{
  if ((guint64) id / 64 >= matches->len)
    g_array_set_size (matches, (guint) (id / 64 + 1));
  g_array_index (matches, guint64, id / 64) |= G_GUINT64_CONSTANT (1) << (id % 64);
}

static inline void
clear_bit (GArray *matches,
           gint64  id)
{
  if ((guint64) id / 64 < matches->len)
    g_array_index (matches, guint64, id / 64) &= ~(G_GUINT64_CONSTANT (1) << (id % 64));
}

/* Every case's text read through @stmt (CASE_TEXT_SQL), those that
 * contain @needle set in @matches.
 *
 * Returns: the last sqlite3_step(), or SQLITE_INTERRUPT when cancelled */
static int
scan_cases (sqlite3_stmt *stmt,
            const char   *needle,
            GArray       *matches,
            GCancellable *cancellable)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gsize needle_length = strlen (needle);
  guint n = 0;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *folded = NULL;

      if ((++n & 4095) == 0 && g_cancellable_is_cancelled (cancellable))
        return SQLITE_INTERRUPT;
      g_string_truncate (text, 0);
      append_fields (text, stmt, 1, 6);
      folded = normalise (text->str, text->len);
      if (memmem (folded, strlen (folded), needle, needle_length) != NULL)
        set_bit (matches, sqlite3_column_int64 (stmt, 0));
    }
  return rc;
}

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Scan *scan = task_data;
  g_autoptr(GArray) matches = g_array_new (FALSE, TRUE, sizeof (guint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (scan->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);

  /* A reader never folds the WAL into the file (see linli-database-file.h). */
  if (db != NULL)
    sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      rc = sqlite3_prepare_v2 (db, CASE_TEXT_SQL, -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK)
    rc = scan_cases (stmt, scan->needle, matches, cancellable);
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);

  if (rc == SQLITE_DONE)
    g_task_return_pointer (task, g_steal_pointer (&matches), (GDestroyNotify) g_array_unref);
  else
    g_task_return_new_error (task, G_IO_ERROR, rc == SQLITE_INTERRUPT ? G_IO_ERROR_CANCELLED : G_IO_ERROR_FAILED,
                             "Cannot read the cases to search: %s", sqlite3_errstr (rc));
}

/* ---- Following the store ----------------------------------------------- */

static void start_build (LinliCaseSearch *self);
static void start_scan (LinliCaseSearch *self);
static void stop_scan (LinliCaseSearch *self);

/* The normalised text of one case as the store has it now, or NULL. */
static char *
read_case_text (LinliCaseSearch *self,
                gint64           id)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = linli_store_prepare (self->store, CASE_TEXT_SQL " WHERE c.id = ?1", &error);
  char *folded = NULL;

  if (stmt == NULL)
    {
      g_warning ("Cannot read a case to search: %s", error->message);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      append_fields (text, stmt, 1, 6);
      folded = normalise (text->str, text->len);
    }
  sqlite3_reset (stmt);
  return folded;
}

/* Whether the case's text, as the store has it now, holds the needle. */
static gboolean
case_text_matches (LinliCaseSearch *self,
                   gint64           id)
{
  g_autofree char *text = read_case_text (self, id);

  return text != NULL && strstr (text, self->needle) != NULL;
}

static void
case_changed (LinliCaseSearch *self,
              gint64           id)
{
  if (self->building != NULL)
    g_array_append_val (self->pending, id);
  if (self->scanning != NULL)
    g_array_append_val (self->scan_pending, id);
  else if (self->index == NULL && self->matches != NULL)
    {
      /* Matches a scan found: this case alone is read again. */
      if (case_text_matches (self, id))
        set_bit (self->matches, id);
      else
        clear_bit (self->matches, id);
    }
  if (self->index != NULL)
    {
      g_hash_table_insert (self->overlay, g_memdup2 (&id, sizeof id), read_case_text (self, id));
      /* The overlay is read in full by every search: past an eighth of the
       * cases, the index is read again. */
      if (self->building == NULL && g_hash_table_size (self->overlay) > self->index->n_cases / 8 + 1024)
        start_build (self);
    }
}

/* PRAGMA data_version of the store's connection, or -1. */
static gint64
read_data_version (LinliCaseSearch *self)
{
  sqlite3_stmt *stmt = linli_store_prepare (self->store, "PRAGMA data_version", NULL);
  gint64 version = -1;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return version;
}

/* Saves the overlay beside the index it goes with, so that the next open
 * finds the index of the database as it is now: when every change since
 * the index was read is in the overlay, and the database changed since. */
static void
save_overlay (LinliCaseSearch *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  const char *path = linli_store_get_path (self->store);
  sqlite3_stmt *stmt;
  gint64 stamp = 0;
  gboolean found = FALSE;

  if (path == NULL || self->index == NULL || !self->index->has_stamp || !self->overlay_whole ||
      (dir = get_cache_dir ()) == NULL || read_data_version (self) != self->data_version)
    return;
  stmt = linli_store_prepare (self->store, "SELECT stamp FROM search_stamp", NULL);
  if (stmt == NULL)
    return;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_INTEGER)
    {
      stamp = sqlite3_column_int64 (stmt, 0);
      found = TRUE;
    }
  sqlite3_reset (stmt);
  if (!found || (stamp == self->index->stamp && g_hash_table_size (self->overlay) == 0))
    return;

  file = linli_search_cache_file (dir, path, "overlay");
  if (!linli_search_overlay_save (self->overlay, self->index->stamp, stamp, file, &error))
    g_debug ("Cannot save the search's changes: %s", error->message);
}

static void
build_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Build *build = g_task_get_task_data (G_TASK (result));
  g_autoptr(LinliCaseSearch) self = g_weak_ref_get (&build->search);
  g_autoptr(GError) error = NULL;
  Built *built = g_task_propagate_pointer (G_TASK (result), &error);
  gboolean was_ready;

  if (self == NULL || build->serial != self->build_serial)
    {
      if (built != NULL)
        built_free (built);
      return;
    }
  g_clear_object (&self->building);
  if (built == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("%s", error->message);
      return;
    }

  was_ready = self->index != NULL;
  index_free (self->index);
  self->index = g_steal_pointer (&built->index);
  self->loaded = built->loaded;
  if (built->overlay != NULL)
    {
      /* The cases changed from the index's stamp to the database's. */
      g_hash_table_unref (self->overlay);
      self->overlay = g_steal_pointer (&built->overlay);
    }
  else
    g_hash_table_remove_all (self->overlay);
  built_free (built);
  self->data_version = read_data_version (self);
  self->overlay_whole = self->index->has_stamp && self->data_version == self->build_data_version &&
                        self->data_version != -1;
  /* What changed since the snapshot began (a build case_changed() starts
   * begins a list of its own). */
  {
    g_autoptr(GArray) changed = g_steal_pointer (&self->pending);

    self->pending = g_array_new (FALSE, FALSE, sizeof (gint64));
    for (guint i = 0; i < changed->len; i++)
      case_changed (self, g_array_index (changed, gint64, i));
  }
  g_clear_pointer (&self->matches, g_array_unref);
  /* The index answers at once: a scan still running is not waited for. */
  stop_scan (self);
  if (!was_ready)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

static void
start_build (LinliCaseSearch *self)
{
  const char *path = linli_store_get_path (self->store);
  g_autoptr(GTask) task = NULL;
  Build *build;

  if (self->building != NULL)
    g_cancellable_cancel (self->building);
  g_clear_object (&self->building);
  g_array_set_size (self->pending, 0);
  self->build_serial++;
  if (path == NULL)
    return;  /* no file to read apart: every search reads the store */

  /* Before the build's snapshot: a commit by another connection after it
   * shows in the build_done_cb(). */
  self->build_data_version = read_data_version (self);
  self->building = g_cancellable_new ();
  build = g_new0 (Build, 1);
  build->path = g_strdup (path);
  build->cache_dir = get_cache_dir ();
  build->serial = self->build_serial;
  build->split_min_id = split_min_id;
  g_weak_ref_init (&build->search, self);
  /* No source object: a search dropped while its index is read goes at
   * once, and the index with it when the thread is done. */
  task = g_task_new (NULL, self->building, build_done_cb, NULL);
  g_task_set_source_tag (task, start_build);
  g_task_set_task_data (task, build, build_free);
  g_task_run_in_thread (task, build_thread);
}

static void
store_changed_cb (LinliCaseSearch *self,
                  GType            type,
                  LinliChange      change,
                  gint64           id,
                  LinliStore      *store)
{
  if (type == LINLI_TYPE_CASE && change != LINLI_CHANGE_RESET && id != 0)
    case_changed (self, id);
  else if (type == LINLI_TYPE_RESIDENT && change == LINLI_CHANGE_UPDATED && id != 0)
    {
      /* A new name or phone: the cases the resident reported. */
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      sqlite3_stmt *stmt = linli_store_prepare (self->store, "SELECT id FROM case_record WHERE reporter_id = ?1", &error);

      if (stmt == NULL)
        {
          g_warning ("Cannot read the cases of a resident: %s", error->message);
          return;
        }
      sqlite3_bind_int64 (stmt, 1, id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 case_id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (ids, case_id);
        }
      sqlite3_reset (stmt);
      for (guint i = 0; i < ids->len; i++)
        case_changed (self, g_array_index (ids, gint64, i));
    }
  else if (type == LINLI_TYPE_RESIDENT && change == LINLI_CHANGE_INSERTED)
    return;  /* no case names a resident before it exists */
  else
    {
      /* Many rows, or a resident gone: the index is read again, and
       * searches read the store until it is there. */
      gboolean was_ready = self->index != NULL;

      g_clear_pointer (&self->index, index_free);
      g_hash_table_remove_all (self->overlay);
      start_build (self);
      /* The matches are read again too, in a thread, and answered as
       * they were meanwhile. */
      if (self->needle != NULL && self->needle[0] != '\0')
        start_scan (self);
      if (was_ready)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
      return;
    }
  /* Matches from the index are read again from it; those of a scan were
   * brought up to date case by case. */
  if (self->index != NULL)
    g_clear_pointer (&self->matches, g_array_unref);
}

/* ---- Searching --------------------------------------------------------- */

/* Without an index: every case's text read from the store. */
static void
search_store (LinliCaseSearch *self,
              GArray          *matches)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = linli_store_prepare (self->store, CASE_TEXT_SQL, &error);

  if (stmt == NULL)
    {
      g_warning ("Cannot read the cases to search: %s", error->message);
      return;
    }
  scan_cases (stmt, self->needle, matches, NULL);
  sqlite3_reset (stmt);
}

static void
scan_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Scan *scan = g_task_get_task_data (G_TASK (result));
  g_autoptr(LinliCaseSearch) self = g_weak_ref_get (&scan->search);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) matches = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GArray) changed = NULL;

  if (self == NULL || scan->serial != self->scan_serial)
    return;
  if (matches == NULL)
    {
      /* Read here instead, as the store has it. */
      g_warning ("%s", error->message);
      matches = g_array_new (FALSE, TRUE, sizeof (guint64));
      search_store (self, matches);
      g_array_set_size (self->scan_pending, 0);
    }
  /* What changed since the scan began, as it is now. */
  changed = g_steal_pointer (&self->scan_pending);
  self->scan_pending = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_clear_pointer (&self->matches, g_array_unref);
  self->matches = g_steal_pointer (&matches);
  for (guint i = 0; i < changed->len; i++)
    {
      gint64 id = g_array_index (changed, gint64, i);

      if (case_text_matches (self, id))
        set_bit (self->matches, id);
      else
        clear_bit (self->matches, id);
    }
  g_clear_object (&self->scanning);
  g_clear_pointer (&self->previous, g_array_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

/* Reads the matches of the needle in a thread; until they are there, the
 * search answers as it did before. */
static void
start_scan (LinliCaseSearch *self)
{
  const char *path = linli_store_get_path (self->store);
  gboolean was_searching = self->scanning != NULL;
  g_autoptr(GTask) task = NULL;
  Scan *scan;

  if (self->scanning != NULL)
    g_cancellable_cancel (self->scanning);
  g_clear_object (&self->scanning);
  g_array_set_size (self->scan_pending, 0);
  self->scan_serial++;
  if (!was_searching)
    {
      /* What was answered last is answered meanwhile. */
      g_clear_pointer (&self->previous, g_array_unref);
      self->previous = self->matches ? g_array_ref (self->matches) : NULL;
      self->previous_all = self->matches == NULL;
    }
  g_clear_pointer (&self->matches, g_array_unref);
  if (path == NULL)
    {
      /* No file to read apart: the store is read when asked. */
      if (was_searching)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
      return;
    }

  self->scanning = g_cancellable_new ();
  scan = g_new0 (Scan, 1);
  scan->path = g_strdup (path);
  scan->needle = g_strdup (self->needle);
  scan->serial = self->scan_serial;
  g_weak_ref_init (&scan->search, self);
  task = g_task_new (NULL, self->scanning, scan_done_cb, NULL);
  g_task_set_source_tag (task, start_scan);
  g_task_set_task_data (task, scan, scan_free);
  g_task_run_in_thread (task, scan_thread);
  if (!was_searching)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

/* No scan is wanted any more: the needle is blank, or the index is there. */
static void
stop_scan (LinliCaseSearch *self)
{
  if (self->scanning == NULL)
    return;
  g_cancellable_cancel (self->scanning);
  g_clear_object (&self->scanning);
  self->scan_serial++;
  g_array_set_size (self->scan_pending, 0);
  g_clear_pointer (&self->previous, g_array_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

static const Gram *
find_gram (const Index *index,
           guint64      key)
{
  guint lo = 0, hi = index->n_grams;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (index->grams[mid].key < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < index->n_grams && index->grams[lo].key == key ? &index->grams[lo] : NULL;
}

static void
or_gram (const Index *index,
         const Gram  *gram,
         guint64     *bits)
{
  const guint8 *data = index->postings + gram->offset;

  if (gram->count & BITMAP_FLAG)
    {
      const guint64 *words = (const guint64 *) (gconstpointer) data;
      for (guint i = 0; i < index->n_words; i++)
        bits[i] |= words[i];
    }
  else
    set_bit_from_varints (bits, index->n_words, data, index->postings + index->postings_size, gram->count);
}

static int
compare_gram_counts (gconstpointer a,
                     gconstpointer b)
{
  guint32 ca = (*(const Gram * const *) a)->count & ~BITMAP_FLAG;
  guint32 cb = (*(const Gram * const *) b)->count & ~BITMAP_FLAG;

  return ca < cb ? -1 : ca > cb;
}

/* With the index: the cases its lists allow, verified when the bigrams
 * alone cannot tell, then the overlay's changed cases in their place. */
static void
search_index (LinliCaseSearch *self,
              GArray          *matches)
{
  const Index *index = self->index;
  g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GPtrArray) grams = g_ptr_array_new ();
  gsize needle_length = strlen (self->needle);
  guint64 *bits;
  GHashTableIter iter;
  gpointer key, value;

  g_array_set_size (matches, index->n_words);
  bits = (guint64 *) (gpointer) matches->data;
  for (const char *at = self->needle; *at != '\0';)
    {
      guint32 c = next_char (&at, self->needle + needle_length);
      g_array_append_val (chars, c);
    }

  if (chars->len == 1)
    {
      /* Every bigram that starts with it. */
      guint64 first = (guint64) g_array_index (chars, guint32, 0) << 32;
      guint lo = 0, hi = index->n_grams;

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          if (index->grams[mid].key < first)
            lo = mid + 1;
          else
            hi = mid;
        }
      for (guint i = lo; i < index->n_grams && (index->grams[i].key >> 32) == (first >> 32); i++)
        or_gram (index, &index->grams[i], bits);
    }
  else
    {
      gboolean missing = FALSE;

      /* A bigram for two characters, else the trigrams along it. */
      for (guint i = 0; i + (chars->len == 2 ? 1 : 2) < chars->len && !missing; i++)
        {
          const guint32 *c = &g_array_index (chars, guint32, i);
          const Gram *gram = find_gram (index, chars->len == 2 ? bigram_key (c[0], c[1])
                                                               : trigram_key (c[0], c[1], c[2]));

          if (gram == NULL)
            missing = TRUE;
          else
            g_ptr_array_add (grams, (gpointer) gram);
        }
      if (!missing)
        {
          g_autofree guint64 *other = g_new (guint64, index->n_words);

          /* The shortest list first; each other one narrows it. */
          g_ptr_array_sort (grams, compare_gram_counts);
          or_gram (index, grams->pdata[0], bits);
          for (guint g = 1; g < grams->len; g++)
            {
              const Gram *gram = grams->pdata[g];

              if (gram == grams->pdata[g - 1])
                continue;
              memset (other, 0, index->n_words * sizeof (guint64));
              or_gram (index, gram, other);
              for (guint i = 0; i < index->n_words; i++)
                bits[i] &= other[i];
            }
        }
      if (!missing && chars->len > 3)
        {
          /* Each trigram is there; whether in the right order, only the
           * text can say. */
          for (guint w = 0; w < index->n_words; w++)
            for (guint64 word = bits[w]; word != 0; word &= word - 1)
              {
                gint64 id = (gint64) w * 64 + __builtin_ctzll (word);
                g_autofree char *text = NULL;

                if (g_hash_table_contains (self->overlay, &id))
                  continue;
                text = read_case_text (self, id);
                if (text == NULL || memmem (text, strlen (text), self->needle, needle_length) == NULL)
                  bits[w] &= ~(G_GUINT64_CONSTANT (1) << (id % 64));
              }
        }
    }

  g_hash_table_iter_init (&iter, self->overlay);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 id = *(gint64 *) key;
      const char *text = value;

      if (text != NULL && memmem (text, strlen (text), self->needle, needle_length) != NULL)
        set_bit (matches, id);
      else
        clear_bit (matches, id);
    }
}

static void
update (LinliCaseSearch *self)
{
  if (self->matches != NULL)
    return;
  self->matches = g_array_new (FALSE, TRUE, sizeof (guint64));
  if (self->index != NULL)
    search_index (self, self->matches);
  else
    search_store (self, self->matches);
}

/* ---- GObject ----------------------------------------------------------- */

static void
linli_case_search_dispose (GObject *object)
{
  LinliCaseSearch *self = LINLI_CASE_SEARCH (object);

  if (self->building != NULL)
    g_cancellable_cancel (self->building);
  g_clear_object (&self->building);
  if (self->scanning != NULL)
    g_cancellable_cancel (self->scanning);
  g_clear_object (&self->scanning);
  if (self->store != NULL)
    {
      save_overlay (self);
      g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
    }
  g_clear_object (&self->store);

  G_OBJECT_CLASS (linli_case_search_parent_class)->dispose (object);
}

static void
linli_case_search_finalize (GObject *object)
{
  LinliCaseSearch *self = LINLI_CASE_SEARCH (object);

  index_free (self->index);
  g_hash_table_unref (self->overlay);
  g_array_unref (self->pending);
  g_array_unref (self->scan_pending);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->previous, g_array_unref);
  g_free (self->text);
  g_free (self->needle);

  G_OBJECT_CLASS (linli_case_search_parent_class)->finalize (object);
}

static void
linli_case_search_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LinliCaseSearch *self = LINLI_CASE_SEARCH (object);

  switch (prop_id)
    {
    case PROP_READY:
      g_value_set_boolean (value, linli_case_search_is_ready (self));
      break;
    case PROP_SEARCHING:
      g_value_set_boolean (value, linli_case_search_is_searching (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
linli_case_search_class_init (LinliCaseSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = linli_case_search_dispose;
  object_class->finalize = linli_case_search_finalize;
  object_class->get_property = linli_case_search_get_property;

  /**
   * LinliCaseSearch:ready:
   *
   * Whether the index is there; until it is, a search reads the store.
   */
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LinliCaseSearch:searching:
   *
   * Whether the matches of the text are being read in a thread, before the
   * index is there; meanwhile linli_case_search_matches() answers as it
   * did before the text changed. When it turns %FALSE, the matches are
   * there: filter again.
   */
  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
linli_case_search_init (LinliCaseSearch *self)
{
  self->pending = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->scan_pending = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->overlay = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/* ---- Public API -------------------------------------------------------- */

/**
 * linli_case_search_new:
 *
 * Returns: (transfer full): a search over the cases of @store; its index is
 *   read at once in a thread of its own
 */
LinliCaseSearch *
linli_case_search_new (LinliStore *store)
{
  LinliCaseSearch *self;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);

  self = g_object_new (LINLI_TYPE_CASE_SEARCH, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_swapped (store, "changed::case_record", G_CALLBACK (store_changed_cb), self);
  g_signal_connect_swapped (store, "changed::resident", G_CALLBACK (store_changed_cb), self);
  start_build (self);
  return self;
}

/**
 * linli_case_search_is_ready:
 *
 * Returns: whether the index is there (searches answer the same without it,
 *   only slower)
 */
gboolean
linli_case_search_is_ready (LinliCaseSearch *self)
{
  g_return_val_if_fail (LINLI_IS_CASE_SEARCH (self), FALSE);
  return self->index != NULL;
}

/**
 * linli_case_search_is_searching:
 *
 * Returns: whether the matches of the text are being read in a thread
 *   (see #LinliCaseSearch:searching)
 */
gboolean
linli_case_search_is_searching (LinliCaseSearch *self)
{
  g_return_val_if_fail (LINLI_IS_CASE_SEARCH (self), FALSE);
  return self->scanning != NULL;
}

/**
 * linli_case_search_get_index_size:
 *
 * Returns: the bytes the index and its overlay's entries hold, for the
 *   benchmark; 0 before it is ready
 */
gsize
linli_case_search_get_index_size (LinliCaseSearch *self)
{
  GHashTableIter iter;
  gpointer value;
  gsize size;

  g_return_val_if_fail (LINLI_IS_CASE_SEARCH (self), 0);

  if (self->index == NULL)
    return 0;
  size = sizeof (Index) + self->index->n_grams * sizeof (Gram) + self->index->postings_size;
  g_hash_table_iter_init (&iter, self->overlay);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    size += sizeof (gint64) + 3 * sizeof (gpointer) + (value != NULL ? strlen (value) + 1 : 0);
  return size;
}

/**
 * linli_case_search_set_text:
 * @text: (nullable): what to look for; %NULL or blank finds every case
 */
void
linli_case_search_set_text (LinliCaseSearch *self,
                            const char      *text)
{
  g_autofree char *stripped = NULL;
  g_autofree char *needle = NULL;

  g_return_if_fail (LINLI_IS_CASE_SEARCH (self));

  g_free (self->text);
  self->text = g_strdup (text);
  stripped = g_strstrip (g_strdup (text ? text : ""));
  needle = normalise (stripped, -1);
  if (g_strcmp0 (needle, self->needle) == 0)
    return;
  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  if (self->needle[0] != '\0' && self->index == NULL)
    start_scan (self);
  else
    {
      stop_scan (self);
      g_clear_pointer (&self->matches, g_array_unref);
    }
}

const char *
linli_case_search_get_text (LinliCaseSearch *self)
{
  g_return_val_if_fail (LINLI_IS_CASE_SEARCH (self), NULL);
  return self->text;
}

gboolean
linli_case_search_matches (LinliCaseSearch *self,
                           gint64           case_id)
{
  g_return_val_if_fail (LINLI_IS_CASE_SEARCH (self), FALSE);

  if (self->needle == NULL || self->needle[0] == '\0')
    return TRUE;
  if (self->scanning != NULL && self->matches == NULL)
    {
      /* Meanwhile, as before. */
      if (self->previous_all)
        return TRUE;
      return self->previous != NULL && case_id > 0 && (guint64) case_id / 64 < self->previous->len &&
             ((g_array_index (self->previous, guint64, case_id / 64) >> (case_id % 64)) & 1);
    }
  update (self);
  if (case_id <= 0 || (guint64) case_id / 64 >= self->matches->len)
    return FALSE;
  return (g_array_index (self->matches, guint64, case_id / 64) >> (case_id % 64)) & 1;
}

/**
 * linli_case_search_set_split_min_id:
 * @min_id: the highest case id from which an index is read by two threads
 *
 * For tests, which have few cases: every index read after this call is
 * read in two halves from @min_id on.
 */
void
linli_case_search_set_split_min_id (gint64 min_id)
{
  split_min_id = min_id;
}

/**
 * linli_case_search_set_cache_dir:
 * @dir: (nullable): where searches made after this call keep their index,
 *   or %NULL for nowhere
 *
 * For tests and the benchmark; otherwise the index is kept in the user's
 * cache folder.
 */
void
linli_case_search_set_cache_dir (const char *dir)
{
  g_free (cache_dir_override);
  cache_dir_override = g_strdup (dir);
  cache_dir_overridden = TRUE;
}

/**
 * linli_case_search_was_loaded:
 *
 * For tests and the benchmark.
 *
 * Returns: whether the index there came from the cache, not built
 */
gboolean
linli_case_search_was_loaded (LinliCaseSearch *self)
{
  g_return_val_if_fail (LINLI_IS_CASE_SEARCH (self), FALSE);
  return self->index != NULL && self->loaded;
}

/* A LinliRecordFilterFunc. */
gboolean
linli_case_search_filter (gint64   case_id,
                          gpointer search)
{
  return linli_case_search_matches (search, case_id);
}
