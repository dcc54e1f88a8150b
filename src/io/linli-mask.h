/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Residents' personal data as it may be shown or printed: 138****1234, 王**. */

char *linli_mask_phone (const char *phone);
char *linli_mask_name  (const char *name);

G_END_DECLS
