package org.chengxin.portal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The city the platform serves, for every page: the platform is configured per city, Yueyang first. */
@ControllerAdvice
class CityModel {

    private final String city;

    CityModel(@Value("${chengxin.city.name:岳阳市}") String city) {
        this.city = city;
    }

    @ModelAttribute("city")
    String city() {
        return city;
    }
}
