"""pylti1p3's tool configuration read from the platforms registered in the admin.

Every issuer may have several client ids (one per registration), so the lookups always go by (issuer, client_id);
when a login initiation omits client_id (it is optional there), an issuer with a single registration still works.
"""

from pylti1p3.deployment import Deployment
from pylti1p3.registration import Registration
from pylti1p3.tool_config import ToolConfAbstract

from .keys import tool_key
from .models import Platform


class PlatformToolConf(ToolConfAbstract):
    def check_iss_has_one_client(self, iss):
        return False

    def check_iss_has_many_clients(self, iss):
        return True

    def platform(self, iss, client_id=None):
        platforms = Platform.objects.filter(issuer=iss)
        if client_id:
            return platforms.filter(client_id=client_id).first()
        candidates = list(platforms[:2])
        return candidates[0] if len(candidates) == 1 else None

    def registration_for(self, platform):
        key = tool_key()
        return (
            Registration()
            .set_issuer(platform.issuer)
            .set_client_id(platform.client_id)
            .set_auth_login_url(platform.auth_login_url)
            .set_auth_token_url(platform.auth_token_url)
            .set_key_set_url(platform.key_set_url)
            .set_tool_private_key(key.private_key_pem)
            .set_tool_public_key(key.public_key_pem)
        )

    def find_registration_by_issuer(self, iss, *args, **kwargs):
        platform = self.platform(iss)
        return self.registration_for(platform) if platform else None

    def find_registration_by_params(self, iss, client_id, *args, **kwargs):
        platform = self.platform(iss, client_id)
        return self.registration_for(platform) if platform else None

    def find_deployment(self, iss, deployment_id):
        return self.find_deployment_by_params(iss, deployment_id, None)

    def find_deployment_by_params(self, iss, deployment_id, client_id, *args, **kwargs):
        platform = self.platform(iss, client_id)
        if platform and deployment_id in platform.deployment_id_list():
            return Deployment().set_deployment_id(deployment_id)
        return None
