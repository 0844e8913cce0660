/**
 * The one program: {@code belfry serve}, {@code belfry chime …} and {@code belfry admin …}. {@link
 * dev.belfry.app.Main} dispatches on the first word without touching server classes for {@code chime},
 * so the command line starts fast.
 */
package dev.belfry.app;
