/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-store.h"

G_BEGIN_DECLS

/* A database of its own for one test, in a new temporary folder. */
typedef struct
{
  char       *dir;
  char       *path;
  LinliStore *store;
} TestDatabase;

void test_database_open   (TestDatabase *db,
                           const char   *prefix);
void test_database_close  (TestDatabase *db);

G_END_DECLS
