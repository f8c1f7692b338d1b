package org.bizenv.template;

/** The framework asks for templates that cannot be made (e.g. a return per unit without a unit registry). */
public class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }
}
