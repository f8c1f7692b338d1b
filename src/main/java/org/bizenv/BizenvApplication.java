package org.bizenv;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BizenvApplication {
}
