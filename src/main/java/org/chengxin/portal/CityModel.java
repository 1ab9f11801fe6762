package org.chengxin.portal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The city the platform serves, for every page: the platform is configured per city, Yueyang first. The
 * public portal's name (信用岳阳) and its host unit (主办单位, a public body) are the city's settings too.
 */
@ControllerAdvice
class CityModel {

    private final String city;
    private final String portalName;
    private final String hostUnit;

    CityModel(@Value("${chengxin.city.name:岳阳市}") String city, @Value("${chengxin.portal.name:信用岳阳}") String portalName,
            @Value("${chengxin.portal.host-unit:岳阳市发展和改革委员会}") String hostUnit) {
        this.city = city;
        this.portalName = portalName;
        this.hostUnit = hostUnit;
    }

    @ModelAttribute("city")
    String city() {
        return city;
    }

    @ModelAttribute("portalName")
    String portalName() {
        return portalName;
    }

    @ModelAttribute("hostUnit")
    String hostUnit() {
        return hostUnit;
    }
}
