/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "linli-weak-ref.h"

/**
 * linli_weak_ref_new:
 *
 * Returns: (transfer full): a #GWeakRef to @object, to free with
 *   linli_weak_ref_free()
 */
gpointer
linli_weak_ref_new (gpointer object)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  g_weak_ref_init (ref, object);
  return ref;
}

void
linli_weak_ref_free (gpointer ref)
{
  if (ref == NULL)
    return;
  g_weak_ref_clear (ref);
  g_free (ref);
}
