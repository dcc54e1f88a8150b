/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* While a popover is open (a menu button's menu, a drop-down's list), the
 * tooltip of the widget it belongs to is not shown over it. Once for the
 * process, at startup; the tooltip comes back when the popover closes. */
void linli_popover_tooltips_install (void);

G_END_DECLS
