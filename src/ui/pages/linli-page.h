/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "linli-store.h"

G_BEGIN_DECLS

/* A page of the window that reads the store only once it is first shown:
 * the window gives it the store then, and %NULL when the store goes. The
 * map is not one: the window shows it first and gives it the store at
 * once, and it lives in the layer below, which cannot see this one. */

#define LINLI_TYPE_PAGE (linli_page_get_type ())

G_DECLARE_INTERFACE (LinliPage, linli_page, LINLI, PAGE, GtkWidget)

struct _LinliPageInterface
{
  GTypeInterface parent_iface;

  void (*set_store) (LinliPage  *self,
                     LinliStore *store);
};

void linli_page_set_store (LinliPage  *self,
                           LinliStore *store);

G_END_DECLS
