package io.github.mitchprotocol.mitch;

/**
 * What validating a whole capture found.
 *
 * @param messages complete, valid messages
 * @param bodies bodies in those messages
 */
public record StreamInfo(long messages, long bodies) {}
