package org.emajshell.render;

/** The characters that draw table rules: Unicode box drawing, or plain ASCII like psql's. */
public enum BorderStyle {
    UNICODE("│", "─", "┼"),
    ASCII("|", "-", "+");

    final String vertical;
    final String horizontal;
    final String cross;

    BorderStyle(String vertical, String horizontal, String cross) {
        this.vertical = vertical;
        this.horizontal = horizontal;
        this.cross = cross;
    }
}
