/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-csv.h"
#include "linli-store.h"

G_BEGIN_DECLS

/* A database of its own for one test, in a new temporary folder. */
typedef struct
{
  char       *dir;
  char       *path;
  LinliStore *store;
} TestDatabase;

void       test_database_open   (TestDatabase *db,
                                 const char   *prefix);
void       test_database_close  (TestDatabase *db);
/* test_database_open() with the demo community in it, made on test_now (). */
void       test_demo_open       (TestDatabase *db,
                                 const char   *prefix);

/* Every test's "now": a fixed day in the local time zone, never today, so
 * no test depends on the day it runs. */
GDateTime *test_now             (void);
/* Sets @store's clock to stand still at @now (test_now() when NULL). */
void       test_store_fix_clock (LinliStore   *store,
                                 GDateTime    *now);

/* Cancels @cancellable once a job says it has done @cancel_at (0: never),
 * keeping in @last the count it said last: a LinliCountFunc
 * (test_cancel_at_cb) for the imports' tests. */
typedef struct
{
  GCancellable *cancellable;
  guint         cancel_at;
  guint         last;
} TestCancelAt;

void       test_cancel_at_cb    (guint         n_done,
                                 guint         n_total,
                                 gpointer      user_data);

/* An import file of @n volunteers. */
LinliCsvTable *test_volunteers_csv (guint n);

G_END_DECLS
