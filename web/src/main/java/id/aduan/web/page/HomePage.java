package id.aduan.web.page;

import id.aduan.web.security.Person;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import reactor.core.publisher.Mono;

/** The front page: the citizen portal's start, and the way in to each role's own pages. */
@Controller
class HomePage {

    @GetMapping("/")
    Mono<String> home() {
        return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
                .flatMap(authentication -> Mono.justOrEmpty(Person.of(authentication)))
                .map(Person::home)
                .filter(home -> !home.equals("/"))
                .map(home -> "redirect:" + home)
                .defaultIfEmpty("home");
    }
}
