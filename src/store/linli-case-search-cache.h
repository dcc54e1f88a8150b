/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The case search's index as it is held in memory and in its cache file,
 * which are the same bytes: a header, the grams, the postings (see
 * linli-case-search.c). The file is read back only when every size and
 * offset in it is within bounds and its checksum is right. */

typedef struct
{
  guint64 key;     /* bigram_key() or trigram_key() */
  guint32 offset;  /* into postings */
  guint32 count;   /* of ids; LINLI_SEARCH_BITMAP when the ids are a bitmap */
} LinliSearchGram;

#define LINLI_SEARCH_BITMAP 0x80000000u

typedef struct
{
  guint8          *blob;          /* the header, then grams, then postings */
  gsize            blob_size;
  gboolean         mapped;        /* blob is anonymous memory of mmap() */
  LinliSearchGram *grams;         /* in blob, by key */
  guint            n_grams;
  guint8          *postings;      /* in blob */
  gsize            postings_size;
  guint            n_words;       /* of each bitmap: ids below n_words * 64 */
  guint            n_cases;
  gint64           max_id;
  gint64           stamp;         /* of the text it was read from */
  gboolean         has_stamp;     /* FALSE: not to be saved */
} LinliSearchIndex;

/* Bytes before the grams in blob. */
#define LINLI_SEARCH_HEADER_SIZE 64

LinliSearchIndex *linli_search_index_new          (gsize             n_grams,
                                                   gsize             postings_size);
void              linli_search_index_free         (LinliSearchIndex *index);

char             *linli_search_cache_file         (const char       *cache_dir,
                                                   const char       *database_path,
                                                   const char       *suffix);
gboolean          linli_search_index_save         (LinliSearchIndex *index,
                                                   const char       *file,
                                                   GError          **error);
LinliSearchIndex *linli_search_index_load         (const char       *file,
                                                   const gint64     *stamps,
                                                   guint             n_stamps,
                                                   GError          **error);
gboolean          linli_search_overlay_save       (GHashTable       *overlay,
                                                   gint64            base_stamp,
                                                   gint64            stamp,
                                                   const char       *file,
                                                   GError          **error);
GHashTable       *linli_search_overlay_load       (const char       *file,
                                                   gint64           *base_stamp,
                                                   gint64           *stamp,
                                                   GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliSearchIndex, linli_search_index_free)

G_END_DECLS
