/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-page"

#include "config.h"

#include "linli-page.h"

G_DEFINE_INTERFACE (LinliPage, linli_page, GTK_TYPE_WIDGET)

static void
linli_page_default_init (LinliPageInterface *iface)
{
}

/**
 * linli_page_set_store:
 * @store: (nullable): the database to show; %NULL lets go of the last one
 */
void
linli_page_set_store (LinliPage  *self,
                      LinliStore *store)
{
  g_return_if_fail (LINLI_IS_PAGE (self));
  g_return_if_fail (store == NULL || LINLI_IS_STORE (store));

  LINLI_PAGE_GET_IFACE (self)->set_store (self, store);
}
