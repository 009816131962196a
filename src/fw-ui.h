/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fw-core.h"

G_BEGIN_DECLS

/* Small things several widgets share, written once. */

/* The icon of a verdict in lists. */
const char *fw_ui_verdict_icon_name   (FwVerdict   verdict);
/* Colours @widget as @verdict is shown everywhere (dim, error, accent, success). */
void        fw_ui_set_verdict_style   (GtkWidget  *widget,
                                       FwVerdict   verdict);
/* An error said in a dialog over @parent (NULL: none) with one Close button. */
void        fw_ui_show_error          (GtkWindow  *parent,
                                       const char *heading,
                                       const char *body);
/* A label that wraps at words (or anywhere in a long word), starting at the
 * left, with @css_class (NULL: none): the pages' running text. */
GtkWidget  *fw_ui_new_text            (const char *text,
                                       const char *css_class);
/* An empty boxed list whose rows are not selected: the pages' lists. */
GtkWidget  *fw_ui_new_boxed_list      (void);
/* libadwaita 1.2 cuts a preferences group's title short at the end: the heading
 * label in @widget (a group) wraps instead, so an item's long name is read whole.
 * FALSE when it has none. */
gboolean    fw_ui_wrap_group_title    (GtkWidget  *widget);
/* @owner shows no tooltip while @popover (opened from it) is shown: a tooltip
 * is asked of the widget under the pointer and then of its ancestors, which for
 * a popover's content are the widget it opened from and that widget's own, so
 * @owner's tooltip would lie over the popover (a menu, a drop-down's list). */
void        fw_ui_hide_tooltip_while_shown (GtkWidget *owner,
                                            GtkWidget *popover);
/* The step @toast announced was taken back (Ctrl+Z): it says @title (text, not
 * markup) instead, and its button goes. */
void        fw_ui_retell_toast        (AdwToast   *toast,
                                       const char *title);
/* The window @widget is in, for dialogs; NULL when it is in none. */
GtkWindow  *fw_ui_get_window          (GtkWidget  *widget);
/* The document of the FwWindow @widget is in: a page reads and writes files
 * only through it (DESIGN.md). NULL when it is in none. */
FwDocument *fw_ui_get_document        (GtkWidget  *widget);

G_END_DECLS
