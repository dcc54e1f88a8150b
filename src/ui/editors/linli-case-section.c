/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-section"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-case-section.h"

G_DEFINE_INTERFACE (LinliCaseSection, linli_case_section, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
linli_case_section_default_init (LinliCaseSectionInterface *iface)
{
  /**
   * LinliCaseSection::changed:
   *
   * The user changed something the section edits.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

void
linli_case_section_load (LinliCaseSection *self,
                         LinliStore       *store,
                         LinliRecord      *copy,
                         LinliRecord      *original)
{
  g_return_if_fail (LINLI_IS_CASE_SECTION (self));
  g_return_if_fail (LINLI_IS_STORE (store));
  g_return_if_fail (LINLI_IS_CASE (copy));
  g_return_if_fail (original == NULL || LINLI_IS_CASE (original));

  LINLI_CASE_SECTION_GET_IFACE (self)->load (self, store, copy, original);
}

void
linli_case_section_check_input (LinliCaseSection *self,
                                LinliCaseErrors  *errors)
{
  LinliCaseSectionInterface *iface;

  g_return_if_fail (LINLI_IS_CASE_SECTION (self));
  g_return_if_fail (errors != NULL);

  iface = LINLI_CASE_SECTION_GET_IFACE (self);
  if (iface->check_input != NULL)
    iface->check_input (self, errors);
}

void
linli_case_section_show_errors (LinliCaseSection      *self,
                                const LinliCaseErrors *errors,
                                gboolean               show_all)
{
  g_return_if_fail (LINLI_IS_CASE_SECTION (self));
  g_return_if_fail (errors != NULL);

  LINLI_CASE_SECTION_GET_IFACE (self)->show_errors (self, errors, show_all);
}

void
linli_case_section_changed (LinliCaseSection *self)
{
  g_return_if_fail (LINLI_IS_CASE_SECTION (self));

  g_signal_emit (self, signals[CHANGED], 0);
}
